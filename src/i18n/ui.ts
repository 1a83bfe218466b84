import { getCollection } from 'astro:content';
import { completeUiSchema, type UiKey, type UiStrings } from '../schemas/ui';
import { defaultLocale, type Locale } from './locales';
import { formatContentError } from '../utils/content-errors';

export type Translate = (key: UiKey) => string;

let cache: Map<string, Partial<UiStrings>> | undefined;

async function allStrings() {
  if (!cache) {
    const entries = await getCollection('ui');
    cache = new Map(entries.map((e) => [e.id, e.data]));
    // English is the fallback for every other locale, so it must be complete.
    const result = completeUiSchema.safeParse(cache.get(defaultLocale) ?? {});
    if (!result.success) {
      throw new Error(formatContentError(`content/ui/${defaultLocale}.json`, result.error));
    }
  }
  return cache;
}

/** A lookup for one locale's UI strings; a key the locale lacks falls back to English. */
export async function useTranslations(locale: Locale): Promise<Translate> {
  const strings = await allStrings();
  const own = strings.get(locale) ?? {};
  const fallback = strings.get(defaultLocale) as UiStrings;
  return (key) => own[key] ?? fallback[key];
}

export { fill } from './fill';
