import { DecapCmsCore as CMS } from 'decap-cms-core';
import BooleanWidget from 'decap-cms-widget-boolean';
import DatetimeWidget from 'decap-cms-widget-datetime';
import FileWidget from 'decap-cms-widget-file';
import ImageWidget from 'decap-cms-widget-image';
import ListWidget from 'decap-cms-widget-list';
import MarkdownWidget from 'decap-cms-widget-markdown';
import NumberWidget from 'decap-cms-widget-number';
import ObjectWidget from 'decap-cms-widget-object';
import RelationWidget from 'decap-cms-widget-relation';
import SelectWidget from 'decap-cms-widget-select';
import StringWidget from 'decap-cms-widget-string';
import TextWidget from 'decap-cms-widget-text';
import image from 'decap-cms-editor-component-image';
import { en } from 'decap-cms-locales';

/**
 * Decap CMS as decap-cms-app puts it together, with only the parts we use: its core, the widgets
 * our generated configuration asks for (a test checks it: test/unit/cms-config.test.ts), the image
 * component of the text editor, and the English interface. Left out: the backends we do not use
 * (ours are registered in main.ts), the map widget (OpenLayers), the code widget (CodeMirror and
 * its hundred languages), colours, UUIDs and 30 more interface languages, which made the admin
 * script half as large again and every build slower (npm run bench:cms).
 */
for (const widget of [
  BooleanWidget,
  DatetimeWidget,
  FileWidget,
  ImageWidget,
  ListWidget,
  MarkdownWidget,
  NumberWidget,
  ObjectWidget,
  RelationWidget,
  SelectWidget,
  StringWidget,
  TextWidget,
]) {
  CMS.registerWidget(widget.Widget());
}
CMS.registerEditorComponent(image);
CMS.registerLocale('en', en);

export default CMS;
