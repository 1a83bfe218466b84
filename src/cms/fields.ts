import { z } from 'astro/zod';
import type { CmsField } from 'decap-cms-core';
import { isLocale, localeInfo } from '../i18n/locales';

/**
 * Turns a zod schema into the CMS's fields, so the editor asks for exactly what the build accepts:
 * required-ness, lengths, patterns, enums (select), lists, dates, numbers. It reads the schema's
 * JSON Schema (`z.toJSONSchema`), which carries each field's metadata from `.describe()` and
 * `.meta()`:
 * - `description`: the hint under the field;
 * - `shared: true`: the field is set on the English file and repeated unchanged by translations
 *   (the CMS copies it: `i18n: 'duplicate'`);
 * - `references: '<collection>'`: the field holds entries of another collection (a relation);
 * - `vocabulary: 'country'`: an ISO 3166 country code, picked from a list of country names;
 * - `managed: true`: written by a tool (a translation's `translatedFrom`), never typed by staff: a
 *   hidden field, or the widget the collection names for it (`managedWidget`).
 * What JSON Schema cannot say (a refinement such as "a story must be fictional") is checked by the
 * same schema when staff save (src/cms/validate.ts).
 */

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  default?: unknown;
  shared?: boolean;
  references?: string;
  vocabulary?: string;
  managed?: boolean;
  patternMessage?: string;
}

/** How a relation field finds the entries it may hold. */
export interface Reference {
  collection: string;
  valueField: string;
  searchFields: string[];
}

export interface FieldOptions {
  /** Collections a `references` field may point to, by name; a missing one falls back to a plain list. */
  references?: Record<string, Reference>;
  /**
   * In a collection with translations every field says how it is translated: a field of its own
   * (true) or the English value copied (`duplicate`). Nested fields follow their parent.
   */
  translated?: boolean;
  i18n?: true | 'duplicate';
  /** The widget of `managed` fields, e.g. `translation-status` (src/cms/translation-widget.ts); hidden by default. */
  managedWidget?: string;
}

/** The schema as the CMS sees a file: input types, dates marked, regex messages kept. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; checks?: { _zod: { def: { format?: string; error?: () => unknown } } }[] };
      if (def.type === 'date') jsonSchema.format = 'date';
      const regex = def.checks?.find((c) => c._zod.def.format === 'regex');
      const message = regex?._zod.def.error?.();
      if (typeof message === 'string') jsonSchema.patternMessage = message;
    },
  }) as JsonSchema;
}

/** A field name as staff read it: "ageRange" → "Age range", "quickExit.url" stays a key. */
export function labelFor(name: string): string {
  if (name.includes('.')) return name;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Long or free texts get a text area, short ones a line. */
function isLongText(s: JsonSchema): boolean {
  return (s.maxLength ?? 0) > 100 || (s.minLength ?? 0) >= 10;
}

/** `X | null` is X, not required. */
function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = s.anyOf;
  if (!options) return { schema: s, nullable: false };
  const nonNull = options.filter((o) => o.type !== 'null');
  if (nonNull.length !== 1) throw new Error(`the CMS cannot edit a choice between ${options.length} kinds of value`);
  return { schema: { ...nonNull[0], description: s.description ?? nonNull[0].description }, nullable: nonNull.length < options.length };
}

/**
 * Two-letter codes the browser names that are no country: ISO 3166's user-assigned codes (AA,
 * QM–QZ, XA–XZ, ZZ; XK, Kosovo, is one by wide use) and the groupings EU, EZ and UN.
 */
const notCountries = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

/**
 * Every ISO 3166-1 alpha-2 region the browser can name, as "Cambodia (KH)". Old codes the browser
 * still names (UK for GB, VD for VN, ZR for CD) are left out: picked by mistake, they would name a
 * file or a campaign's country that the site never matches.
 */
function countryOptions(): { label: string; value: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const isCurrent = (code: string) => Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  return letters
    .flatMap((a) => letters.map((b) => a + b))
    .filter((code) => isCurrent(code) && !notCountries.test(code))
    .flatMap((code) => {
      const label = names.of(code);
      return label ? [{ label: `${label} (${code})`, value: code }] : [];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Widgets whose value is a container: Decap lets them only be translated or not (`i18n: true`). */
const containers = new Set(['object', 'list']);

function widgetFor(name: string, s: JsonSchema, options: FieldOptions): Record<string, unknown> {
  if (s.managed) return { widget: options.managedWidget ?? 'hidden' };
  if (s.vocabulary === 'country') return { widget: 'select', options: countryOptions() };
  if (s.format === 'date') {
    return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  }
  if (s.enum) return { widget: 'select', options: s.enum };
  switch (s.type) {
    case 'boolean':
      // A switch is always on or off: an untouched one means "no", as it looks.
      return { widget: 'boolean', default: s.default ?? false };
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      const max = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
      return { widget: 'number', value_type: s.type === 'integer' ? 'int' : 'float', ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
    }
    case 'string':
      return { widget: isLongText(s) ? 'text' : 'string' };
    case 'object':
      return { widget: 'object', fields: fieldsOf(s, options) };
    case 'array':
      return listWidget(name, s, options);
    default:
      throw new Error(`the CMS has no widget for a field of type ${JSON.stringify(s.type)}`);
  }
}

function listWidget(name: string, s: JsonSchema, options: FieldOptions): Record<string, unknown> {
  const items = s.items ?? {};
  const bounds = { ...(s.minItems !== undefined && { min: s.minItems }), ...(s.maxItems !== undefined && { max: s.maxItems }) };
  const reference = s.references ? options.references?.[s.references] : undefined;
  if (reference) {
    return {
      widget: 'relation',
      collection: reference.collection,
      value_field: reference.valueField,
      search_fields: reference.searchFields,
      display_fields: reference.searchFields,
      multiple: true,
      ...bounds,
    };
  }
  if (items.enum) return { widget: 'select', options: items.enum, multiple: true, ...bounds };
  if (items.vocabulary === 'country') return { widget: 'select', options: countryOptions(), multiple: true, ...bounds };
  const item = field('item', items, options);
  if (items.type === 'object') return { widget: 'list', fields: (item as { fields: CmsField[] }).fields, ...bounds };
  const { name: _item, label: _label, ...one } = item as CmsField & { label?: string };
  // A list of words or short texts stays open: staff see every keyword at once, not a count.
  return { widget: 'list', field: { name: 'item', label: labelFor(name), ...one }, collapsed: false, ...bounds };
}

function field(name: string, raw: JsonSchema, options: FieldOptions, required = true, label = labelFor(name)): CmsField {
  const { schema: s, nullable } = unwrapNullable(raw);
  const pattern = s.pattern ? { pattern: [s.pattern, s.patternMessage ?? `must match ${s.pattern}`] } : {};
  const wanted = options.i18n ?? (options.translated ? (s.shared ? 'duplicate' : true) : undefined);
  const widget = widgetFor(name, s, { ...options, i18n: wanted });
  // A shared object is copied field by field; a shared list that is not a select or a relation
  // cannot be copied by Decap (it copies inside objects only), so each translation keeps its own.
  const i18n = wanted && containers.has(widget.widget as string) ? true : wanted;
  return {
    name,
    label,
    ...widget,
    required: required && !nullable && raw.default === undefined,
    ...(s.description && { hint: s.description }),
    ...(raw.default !== undefined && { default: raw.default }),
    ...pattern,
    ...(i18n && { i18n }),
  } as CmsField;
}

/** A text kept in several languages at once (a hotline's name: `{ en, km, … }`) has a box per language, named by it. */
const languageLabel = (code: string) => (isLocale(code) ? `${localeInfo(code).name} (${code})` : labelFor(code));

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(s: JsonSchema, options: FieldOptions = {}): CmsField[] {
  const required = new Set(s.required ?? []);
  const names = Object.keys(s.properties ?? {});
  const label = names.length && names.every((name) => isLocale(name)) ? languageLabel : labelFor;
  return Object.entries(s.properties ?? {}).map(([name, property]) => field(name, property, options, required.has(name), label(name)));
}

/** The CMS fields for a zod object schema. */
export function cmsFields(schema: z.ZodType, options: FieldOptions = {}): CmsField[] {
  return fieldsOf(jsonSchemaOf(schema), options);
}
