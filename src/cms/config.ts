import type { z } from 'astro/zod';
import type { CmsBackend, CmsCollection, CmsConfig, CmsField } from 'decap-cms-core';
import { defaultLocale, localeCodes, localeInfo } from '../i18n/locales';
import { localizedCollections } from '../i18n/fingerprint';
import { pageSchema } from '../schemas/page';
import { materialSchema } from '../schemas/material';
import { campaignSchema } from '../schemas/campaign';
import { countryHotlinesSchema } from '../schemas/hotline';
import { posterSchema } from '../schemas/poster';
import { completeUiSchema, partialUiSchema } from '../schemas/ui';
import { tiplineTextSchema } from '../schemas/tipline';
import { publisherSchema } from '../schemas/publisher';
import { cmsFields, type Reference } from './fields';
import { mdxComponentNames } from './editor-components';
import { localBackendPath } from './local-backend';
import type { CmsSettings } from './settings';
import type { BackendName } from './backends';
import type { FileFormatName } from './formats';

/**
 * The CMS's configuration, generated from the zod schemas in src/schemas/ (the one source of truth)
 * and the settings in src/cms/settings.ts. It runs in the browser when /admin/ starts, and in the
 * tests, which check it against the schemas.
 */

/**
 * Collections with a folder per locale: content/<name>/<locale>/<slug>.mdx (Markdown with
 * frontmatter) or .yaml (posters: texts only, no body).
 */
export interface LocalizedSpec {
  name: string;
  extension: 'mdx' | 'yaml';
  label: string;
  labelSingular: string;
  schema: z.ZodType;
  identifierField: string;
  description: string;
}

/** The name each localized collection's file format is registered under (src/cms/main.ts). */
export const formatName = (spec: LocalizedSpec) => `${spec.extension}-${spec.name}`;

export const localized: LocalizedSpec[] = [
  {
    name: 'pages',
    extension: 'mdx',
    label: 'Information pages',
    labelSingular: 'Information page',
    schema: pageSchema,
    identifierField: 'title',
    description: 'Risk information for readers: how trafficking works, its signs, safe migration, where to get help.',
  },
  {
    name: 'materials',
    extension: 'mdx',
    label: 'Materials',
    labelSingular: 'Material',
    schema: materialSchema,
    identifierField: 'title',
    description: 'Lesson plans, discussion guides, fact sheets and stories for educators.',
  },
  {
    name: 'campaigns',
    extension: 'mdx',
    label: 'Campaigns',
    labelSingular: 'Campaign',
    schema: campaignSchema,
    identifierField: 'name',
    description: 'Prevention campaigns: who, where, when, with which materials, posters and hotlines.',
  },
  {
    name: 'posters',
    extension: 'yaml',
    label: 'Posters',
    labelSingular: 'Poster',
    schema: posterSchema,
    identifierField: 'headline',
    description: 'Posters and pocket cards: short texts printed large. The numbers come from Hotlines.',
  },
];

/** How a field that names entries of another collection finds them (schemas' `references`). */
const references: Record<string, Reference> = {
  materials: { collection: 'materials', valueField: '{{slug}}', searchFields: ['title'] },
  posters: { collection: 'posters', valueField: '{{slug}}', searchFields: ['headline'] },
  hotlines: { collection: 'hotlines', valueField: 'country', searchFields: ['name', 'country'] },
};

const body: CmsField = {
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  editor_components: mdxComponentNames,
  hint: 'Headings, lists and links as usual; boxes, steps and questions from the + menu.',
  i18n: true,
};

/**
 * The widget that shows where a translation stands and marks it current (registered in
 * src/cms/main.ts), for the collections whose translations record the English they were made from.
 */
export const translationWidget = 'translation-status';
const hasFingerprints = (name: string) => (localizedCollections as string[]).includes(name);

function localizedCollection(spec: LocalizedSpec): CmsCollection {
  return {
    name: spec.name,
    label: spec.label,
    label_singular: spec.labelSingular,
    description: spec.description,
    folder: `content/${spec.name}`,
    extension: spec.extension,
    format: formatName(spec),
    create: true,
    slug: `{{${spec.identifierField}}}`,
    identifier_field: spec.identifierField,
    summary: `{{${spec.identifierField}}}`,
    i18n: true,
    fields: [
      ...cmsFields(spec.schema, { translated: true, references, managedWidget: hasFingerprints(spec.name) ? translationWidget : undefined }),
      ...(spec.extension === 'mdx' ? [body] : []),
    ],
  };
}

const hotlines: CmsCollection = {
  name: 'hotlines',
  label: 'Hotlines',
  label_singular: 'Country',
  description: 'Emergency numbers and hotlines, one file per country. Check a number before you save it.',
  folder: 'content/hotlines',
  extension: 'yaml',
  format: 'yaml',
  create: true,
  slug: '{{country}}',
  identifier_field: 'name',
  summary: '{{name}} ({{country}})',
  fields: cmsFields(countryHotlinesSchema, { references }),
};

/** One file per locale (content/<folder>/<locale>.json): each is an entry of a files collection. */
function perLocaleFiles(folder: string, schemaFor: (locale: string) => z.ZodType): CmsCollection['files'] {
  return localeCodes.map((code) => ({
    name: code,
    label: `${localeInfo(code).name} (${code})`,
    file: `content/${folder}/${code}.json`,
    fields: cmsFields(schemaFor(code)),
  }));
}

/** Our own formats (src/cms/formats.ts): Decap's type knows only its own names. */
const fileFormat = (name: FileFormatName) => name as CmsCollection['format'];

const uiStrings: CmsCollection = {
  name: 'ui',
  label: 'Site texts',
  description: 'The words of menus, buttons and notices. English has every text; a text left empty elsewhere shows in English.',
  format: fileFormat('json-file'),
  extension: 'json',
  files: perLocaleFiles('ui', (code) => (code === defaultLocale ? completeUiSchema : partialUiSchema)),
};

const tipline: CmsCollection = {
  name: 'tipline',
  label: 'SMS tip line',
  description: 'What the SMS line answers, and the keywords it understands, in each language.',
  format: fileFormat('json-file'),
  extension: 'json',
  files: perLocaleFiles('tipline', () => tiplineTextSchema),
};

const site: CmsCollection = {
  name: 'site',
  label: 'Publisher',
  description: 'Who publishes the site and answers the SMS line: shown in the header, the footer and on About.',
  format: fileFormat('yaml-file'),
  extension: 'yaml',
  files: [{ name: 'publisher', label: 'Who publishes the site', file: 'content/site/publisher.yaml', fields: cmsFields(publisherSchema) }],
};

type Backend = Omit<CmsBackend, 'name'> & { name: BackendName };

function backend(settings: CmsSettings, origin: string): Backend {
  if (!settings.githubRepo) return { name: 'local-files', proxy_url: new URL(localBackendPath, origin).href };
  return {
    name: 'github-files',
    repo: settings.githubRepo,
    branch: settings.branch,
    // Decap opens <base_url>/<auth_endpoint> for the GitHub login: our own function (functions/auth.ts).
    base_url: settings.authBaseUrl,
    auth_endpoint: 'api/auth',
  };
}

/**
 * Local mode (no GitHub repository set, as under `npm run cms`) saves through decap-server straight
 * into content/. With GitHub, every change goes through the editorial workflow: a draft, then in
 * review, then ready, each a pull request, until someone publishes it. `origin` is the admin page's
 * own origin: the local backend is reached through it, never through another.
 */
export function cmsConfig(settings: CmsSettings, origin: string): CmsConfig {
  const chosen = backend(settings, origin);
  return {
    load_config_file: false,
    // Decap's type knows only its own backends' names; ours are registered in src/cms/main.ts.
    backend: chosen as unknown as CmsBackend,
    ...(chosen.name === 'github-files' && { publish_mode: 'editorial_workflow' as const }),
    site_url: settings.siteUrl,
    media_folder: 'public/media',
    public_folder: '/media',
    i18n: { structure: 'multiple_folders', locales: localeCodes, default_locale: defaultLocale },
    collections: [...localized.map(localizedCollection), hotlines, uiStrings, tipline, site],
  };
}
