import { createElement as h, useEffect, type ReactNode } from 'react';
import type { Map as ImmutableMap } from 'immutable';
import type { CMS, PreviewTemplateComponentProps } from 'decap-cms-core';
import { defaultLocale, isLocale, localeInfo, type Locale } from '../i18n/locales';

/**
 * Previews that look like the site's pages: the site's stylesheet, and the language and direction
 * of the text being edited on the preview's <html>, so Arabic reads right to left and Thai and
 * Khmer get their fonts and line height (src/styles/global.css selects them by :lang()).
 */

/**
 * Decap does not tell a preview which language it shows: for a translation it swaps the entry's
 * data for that locale's (`entry.i18n.<locale>.data`), so the locale is the one whose data it is.
 */
export function previewLocale(entry: ImmutableMap<string, unknown>): Locale {
  const data = entry.get('data');
  const translations = entry.get('i18n') as ImmutableMap<string, ImmutableMap<string, unknown>> | undefined;
  const locale = translations?.findKey((translation) => translation.get('data') === data);
  return isLocale(locale) ? locale : defaultLocale;
}

function Article({ entry, widgetFor, document }: PreviewTemplateComponentProps & { document: Document }): ReactNode {
  const locale = previewLocale(entry);
  const { dir } = localeInfo(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [document, locale, dir]);
  const data = entry.get('data') as ImmutableMap<string, unknown>;
  const heading = (data.get('title') ?? data.get('name') ?? '') as string;
  const lead = (data.get('description') ?? data.get('summary') ?? data.get('message') ?? '') as string;
  return h(
    'main',
    { id: 'main', lang: locale, dir },
    h('article', null, h('h1', null, heading), lead && h('p', { className: 'lead' }, lead), widgetFor('body')),
  );
}

export function registerPreviews(cms: CMS, siteStylesheet: string): void {
  cms.registerPreviewStyle(siteStylesheet);
  for (const collection of ['pages', 'materials', 'campaigns']) {
    cms.registerPreviewTemplate(collection, Article as never);
  }
}
