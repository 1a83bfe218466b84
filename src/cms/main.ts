import CMS from 'decap-cms-app';
import siteStylesheet from '../styles/global.css?url';
import './admin.css';
import { cmsConfig } from './config';
import { editorComponents } from './editor-components';
import { registerPreviews } from './previews';
import { validateBeforeSave } from './validate';
import type { CmsSettings } from './settings';

// The settings come from the build (src/pages/admin/index.astro) as JSON data, not as code.
const settings = JSON.parse(document.getElementById('cms-settings')!.textContent!) as CmsSettings;

for (const component of editorComponents) CMS.registerEditorComponent(component as never);
registerPreviews(CMS, siteStylesheet);
CMS.registerEventListener({ name: 'preSave', handler: validateBeforeSave as never });
CMS.init({ config: cmsConfig(settings, location.origin) });
