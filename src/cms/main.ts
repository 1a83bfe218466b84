import CMS from './decap';
import siteStylesheet from '../styles/global.css?url';
import './admin.css';
import { cmsConfig, formatName, localized, translationWidget } from './config';
import { fileFormats, mdxFormat, yamlFormat } from './formats';
import { backends } from './backends';
import { editorComponents } from './editor-components';
import { registerPreviews } from './previews';
import { validateBeforeSave } from './validate';
import { TranslationStatusControl } from './translation-widget';
import { labelEntryLists } from './translation-labels';
import type { CmsSettings } from './settings';

// The settings come from the build (src/pages/admin/index.astro) as JSON data, not as code.
const settings = JSON.parse(document.getElementById('cms-settings')!.textContent!) as CmsSettings;

for (const [name, Backend] of Object.entries(backends)) CMS.registerBackend(name, Backend as never);
for (const spec of localized) {
  const format = spec.extension === 'mdx' ? mdxFormat(spec.identifierField) : yamlFormat(spec.identifierField);
  CMS.registerCustomFormat(formatName(spec), spec.extension, format);
}
for (const [name, { extension, format }] of Object.entries(fileFormats)) CMS.registerCustomFormat(name, extension, format);
CMS.registerWidget(translationWidget, TranslationStatusControl as never);
for (const component of editorComponents) CMS.registerEditorComponent(component as never);
registerPreviews(CMS, siteStylesheet);
CMS.registerEventListener({ name: 'preSave', handler: validateBeforeSave as never });
labelEntryLists();
CMS.init({ config: cmsConfig(settings, location.origin) });
