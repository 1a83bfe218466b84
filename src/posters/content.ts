import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { posterSchema } from '../schemas/poster.ts';
import { countryHotlinesSchema, type CountryHotlines } from '../schemas/hotline.ts';
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales.ts';
import { formatContentError } from '../utils/content-errors.ts';
import type { PosterFile } from './variants.ts';

/**
 * The renderer runs before Astro renders any page (the pages list the files it makes), so it
 * reads content/ itself, checked against the same schemas as the site's collections.
 */
function readYaml<T>(root: string, file: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: any } }): T {
  const result = schema.safeParse(parse(readFileSync(join(root, file), 'utf8')));
  if (!result.success) throw new Error(formatContentError(file, result.error));
  return result.data;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

/** content/posters/<locale>/<slug>.yaml, as entries with ids "<locale>/<slug>". */
export function readPosterFiles(root: string): PosterFile[] {
  const dir = join(root, 'content/posters');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      yamlFiles(join(dir, d.name)).map((f) => ({
        id: `${d.name}/${f.replace(/\.yaml$/, '')}`,
        data: readYaml(root, `content/posters/${d.name}/${f}`, posterSchema),
      })),
    );
}

/** Every country's numbers by ISO code: content/hotlines/<cc>.yaml. */
export function readHotlines(root: string): Map<string, CountryHotlines> {
  return new Map(
    yamlFiles(join(root, 'content/hotlines')).map((f) => {
      const data = readYaml(root, `content/hotlines/${f}`, countryHotlinesSchema);
      return [data.country, data] as const;
    }),
  );
}

type Strings = Record<string, string>;

/** A lookup of one locale's UI strings (content/ui/), English where the locale lacks a key. */
export function readUiStrings(root: string): (locale: Locale, key: string) => string {
  const byLocale = new Map<Locale, Strings>(
    localeCodes.map((l) => [l, JSON.parse(readFileSync(join(root, `content/ui/${l}.json`), 'utf8')) as Strings]),
  );
  return (locale, key) => {
    const value = byLocale.get(locale)?.[key] ?? byLocale.get(defaultLocale)![key];
    if (value === undefined) throw new Error(`content/ui/${defaultLocale}.json: no string "${key}"`);
    return value;
  };
}
