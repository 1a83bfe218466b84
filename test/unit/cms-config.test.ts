import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CmsCollection, CmsField } from 'decap-cms-core';
import { z } from 'astro/zod';
import { cmsConfig, translationWidget } from '../../src/cms/config';
import { cmsSettings } from '../../src/cms/settings';
import { cmsFields, jsonSchemaOf, type JsonSchema } from '../../src/cms/fields';
import { pageSchema } from '../../src/schemas/page';
import { materialSchema } from '../../src/schemas/material';
import { campaignSchema } from '../../src/schemas/campaign';
import { countryHotlinesSchema } from '../../src/schemas/hotline';
import { posterSchema } from '../../src/schemas/poster';
import { completeUiSchema, partialUiSchema, uiKeys } from '../../src/schemas/ui';
import { tiplineTextSchema } from '../../src/schemas/tipline';
import { publisherSchema } from '../../src/schemas/publisher';
import { audiences, topics } from '../../src/schemas/taxonomy';
import { defaultLocale, localeCodes } from '../../src/i18n/locales';

const local = cmsConfig(cmsSettings({}), 'http://127.0.0.1:4321');
const collection = (name: string) => local.collections.find((c) => c.name === name)!;
const field = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)! as CmsField & Record<string, unknown>;

/** Walks a schema and the CMS fields made from it side by side: same names, same required-ness. */
function expectAgreement(schema: JsonSchema, fields: CmsField[], where: string) {
  const required = new Set(schema.required ?? []);
  expect(fields.map((f) => f.name), where).toEqual(Object.keys(schema.properties ?? {}));
  for (const f of fields as (CmsField & Record<string, unknown>)[]) {
    const property = schema.properties![f.name];
    const nullable = property.anyOf?.some((o) => o.type === 'null') ?? false;
    expect(f.required, `${where}.${f.name} required`).toBe(required.has(f.name) && !nullable && property.default === undefined);
    if (property.enum) expect(f.options, `${where}.${f.name} options`).toEqual(property.enum);
    if (property.type === 'object') expectAgreement(property, f.fields as CmsField[], `${where}.${f.name}`);
    if (property.items?.type === 'object') expectAgreement(property.items, f.fields as CmsField[], `${where}.${f.name}[]`);
  }
}

/** Every widget a list of fields uses, nested ones included. */
const widgetsOf = (fields: CmsField[]): string[] =>
  fields.flatMap((f) => {
    const { widget, fields: inner, field: one } = f as CmsField & { fields?: CmsField[]; field?: CmsField };
    return [widget ?? 'string', ...widgetsOf(inner ?? []), ...widgetsOf(one ? [one] : [])];
  });

describe('the CMS configuration follows the zod schemas', () => {
  it('uses only the widgets the admin page registers (src/cms/decap.ts, and our translation widget)', () => {
    const registered = [...readFileSync('src/cms/decap.ts', 'utf8').matchAll(/from 'decap-cms-widget-(\w+)'/g)].map((m) => m[1]);
    // Decap draws no box for a hidden field: it needs no widget.
    const available = new Set([...registered, translationWidget, 'hidden']);
    const used = local.collections.flatMap((c) => widgetsOf([...(c.fields ?? []), ...(c.files ?? []).flatMap((f) => f.fields)]));
    expect(used.filter((w) => !available.has(w))).toEqual([]);
    expect(used).toContain('markdown');
  });


  it.each([
    ['pages', pageSchema],
    ['materials', materialSchema],
    ['campaigns', campaignSchema],
    ['hotlines', countryHotlinesSchema],
    ['posters', posterSchema],
  ] as [string, z.ZodType][])('%s: every field, required where the schema requires it, and the text body', (name, schema) => {
    const fields = collection(name).fields!;
    const withoutBody = fields.filter((f) => f.name !== 'body');
    expectAgreement(jsonSchemaOf(schema), withoutBody, name);
  });

  it('writes translations into content/<collection>/<locale>/ for all eight locales', () => {
    expect(local.i18n).toEqual({ structure: 'multiple_folders', locales: localeCodes, default_locale: defaultLocale });
    for (const [name, extension] of [['pages', 'mdx'], ['materials', 'mdx'], ['campaigns', 'mdx'], ['posters', 'yaml']]) {
      expect(collection(name)).toMatchObject({ folder: `content/${name}`, extension, format: `${extension}-${name}`, i18n: true });
      expect(readdirSync(`content/${name}`)).toContain(defaultLocale);
    }
  });

  it('sets what translations share on the English file only, and lets translators write the rest', () => {
    const materials = collection('materials').fields!;
    for (const shared of ['audience', 'format', 'topics', 'duration', 'fictional']) expect(field(materials, shared).i18n, shared).toBe('duplicate');
    // Decap copies an object's fields one by one: the object itself is "translated", its fields copied.
    expect(field(materials, 'ageRange').i18n).toBe(true);
    expect((field(materials, 'ageRange').fields as CmsField[]).map((f) => f.i18n)).toEqual(['duplicate', 'duplicate']);
    for (const own of ['title', 'summary', 'objectives', 'reviewed', 'body']) expect(field(materials, own).i18n, own).toBe(true);
    const pages = collection('pages').fields!;
    expect(field(pages, 'audiences')).toMatchObject({ widget: 'select', multiple: true, options: [...audiences], i18n: 'duplicate' });
    expect(field(pages, 'topics')).toMatchObject({ widget: 'select', multiple: true, options: [...topics], i18n: 'duplicate' });
  });

  it('links a campaign to its materials and hotline countries, and offers countries by name', () => {
    const campaigns = collection('campaigns').fields!;
    expect(field(campaigns, 'materials')).toMatchObject({ widget: 'relation', collection: 'materials', multiple: true, i18n: 'duplicate' });
    expect(field(campaigns, 'posters')).toMatchObject({ widget: 'relation', collection: 'posters', multiple: true, i18n: 'duplicate' });
    expect(field(collection('posters').fields!, 'countries')).toMatchObject({ widget: 'relation', collection: 'hotlines', i18n: 'duplicate' });
    expect(field(campaigns, 'hotlineCountries')).toMatchObject({ widget: 'relation', collection: 'hotlines', value_field: 'country', min: 1 });
    const origin = field(campaigns, 'originCountries');
    expect(origin).toMatchObject({ widget: 'select', multiple: true, required: true, min: 1 });
    expect(origin.options).toContainEqual({ label: 'Cambodia (KH)', value: 'KH' });
    // Old codes and groupings would name a country the site never matches.
    const codes = (origin.options as { value: string }[]).map((o) => o.value);
    expect(codes).toEqual(expect.arrayContaining(['VN', 'GB', 'CD', 'XK']));
    for (const stale of ['VD', 'UK', 'ZR', 'EU', 'UN', 'ZZ', 'XA']) expect(codes, stale).not.toContain(stale);
  });

  it('names each box of a text kept in several languages by its language', () => {
    const schema = z.object({ name: z.strictObject({ en: z.string().min(2), ar: z.string().min(2).optional(), km: z.string().min(2).optional() }) });
    const [name] = cmsFields(schema);
    expect(name.label).toBe('Name');
    expect((name as { fields: CmsField[] }).fields.map((f) => [f.label, f.required])).toEqual([
      ['English (en)', true],
      ['العربية (ar)', false],
      ['ខ្មែរ (km)', false],
    ]);
  });

  it('gives dates a date picker that saves YYYY-MM-DD, and hints from the schema descriptions', () => {
    expect(field(collection('materials').fields!, 'reviewed')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field(collection('pages').fields!, 'description').hint).toBe(pageSchema.shape.description.description);
  });

  it('edits every UI-string and tip-line file, one per locale, English complete', () => {
    for (const [name, folder] of [['ui', 'ui'], ['tipline', 'tipline']]) {
      const files = (collection(name) as CmsCollection).files!;
      expect(files.map((f) => f.file)).toEqual(localeCodes.map((code) => `content/${folder}/${code}.json`));
      expect(readdirSync(`content/${folder}`).sort()).toEqual(files.map((f) => f.file.split('/').pop()).sort());
    }
    const [english, french] = collection('ui').files!;
    expect(english.fields.map((f) => f.name)).toEqual(uiKeys);
    expectAgreement(jsonSchemaOf(completeUiSchema), english.fields, 'ui/en');
    expectAgreement(jsonSchemaOf(partialUiSchema), french.fields, 'ui/fr');
    for (const file of collection('tipline').files!) expectAgreement(jsonSchemaOf(tiplineTextSchema), file.fields, `tipline/${file.name}`);
  });

  it('edits the publisher setting, with the schema’s hints and patterns', () => {
    const [publisher] = collection('site').files!;
    expect(publisher.file).toBe('content/site/publisher.yaml');
    expectAgreement(jsonSchemaOf(publisherSchema), publisher.fields, 'site/publisher');
    expect(field(publisher.fields, 'name')).toMatchObject({ widget: 'string', required: true, hint: publisherSchema.shape.name.description });
    expect(field(publisher.fields, 'contact')).toMatchObject({ required: false, pattern: ['^(\\/|https:\\/\\/)', 'a path on this site (/…) or an https:// address'] });
  });

  it('saves to the local backend through its own origin, or to GitHub with our own login function', () => {
    expect(local.backend).toEqual({ name: 'local-files', proxy_url: 'http://127.0.0.1:4321/admin/api/v1/' });
    expect(local.publish_mode).toBeUndefined();
    const github = cmsConfig(cmsSettings({ CMS_GITHUB_REPO: 'example/site', SITE_URL: 'https://example.org/' }), 'https://example.org');
    expect(github.backend).toEqual({ name: 'github-files', repo: 'example/site', branch: 'main', base_url: 'https://example.org', auth_endpoint: 'api/auth' });
    expect(github.publish_mode).toBe('editorial_workflow');
    expect(() => cmsSettings({ CMS_GITHUB_REPO: 'not a repo' })).toThrow(/CMS_GITHUB_REPO/);
  });
});
