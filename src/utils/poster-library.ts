import { getCollection } from 'astro:content';
import { localizedPath } from '../i18n/urls';
import { defaultLocale, localeCodes, type Locale } from '../i18n/locales';
import { readPosterManifest, type BuiltVariant, type PosterManifest } from '../posters/manifest';
import type { PosterData } from '../schemas/poster';
import { splitEntryId } from './page-routes';

/** One poster in one language, with the countries it was made for. */
export interface PosterCard {
  slug: string;
  /** The language of its text. */
  locale: Locale;
  texts: PosterData;
  /** One built variant per country, in the order the poster lists its countries. */
  variants: BuiltVariant[];
}

export interface PosterLibrary {
  cards: PosterCard[];
  /** What the last build made; null before the first build (the dev server). */
  manifest: PosterManifest | null;
}

let library: Promise<PosterLibrary> | undefined;

/**
 * Every poster in every language it is written in, with the files the renderer made for it
 * (src/posters/manifest.ts). The renderer runs at the start of the build, before any page.
 */
export function posterLibrary(): Promise<PosterLibrary> {
  library ??= (async () => {
    const manifest = readPosterManifest(process.cwd());
    const cards = (await getCollection('posters')).map((entry): PosterCard => {
      const { locale, slug } = splitEntryId(entry.id);
      const variants = (manifest?.variants ?? []).filter((v) => v.slug === slug && v.locale === locale);
      const order = entry.data.countries;
      variants.sort((a, b) => order.indexOf(a.country) - order.indexOf(b.country));
      return { slug, locale: locale as Locale, texts: entry.data, variants };
    });
    cards.sort((a, b) => a.slug.localeCompare(b.slug) || localeCodes.indexOf(a.locale) - localeCodes.indexOf(b.locale));
    return { cards, manifest };
  })();
  return library;
}

/**
 * The library page that lists the posters written in `posterLocale`, in the reader's `locale`:
 * /<locale>/posters/ for the reader's own language, /<locale>/posters/language/<posterLocale>/
 * for another.
 */
export function posterLibraryPath(locale: Locale, posterLocale: Locale): string {
  return localizedPath(locale, posterLocale === locale ? 'posters' : `posters/language/${posterLocale}`);
}

/** The English card of a poster: its design and the countries it may carry. */
export function englishCard(cards: PosterCard[], slug: string): PosterCard {
  return cards.find((c) => c.slug === slug && c.locale === defaultLocale)!;
}

/** A file size as a reader says it: "180 KB", "1.2 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
