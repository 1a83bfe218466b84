// Decap's widget, editor-component and locale packages ship no types; these are the parts
// src/cms/decap.ts uses.
declare module 'decap-cms-widget-*' {
  import type { CmsWidgetParam } from 'decap-cms-core';

  const widget: { Widget: () => CmsWidgetParam };
  export default widget;
}

declare module 'decap-cms-editor-component-image' {
  import type { EditorComponentOptions } from 'decap-cms-core';

  const image: EditorComponentOptions;
  export default image;
}

declare module 'decap-cms-locales' {
  import type { CmsLocalePhrases } from 'decap-cms-core';

  export const en: CmsLocalePhrases;
}
