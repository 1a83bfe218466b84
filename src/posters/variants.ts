import { sharedPosterFields, type PosterData } from '../schemas/poster.ts';
import type { CountryHotlines } from '../schemas/hotline.ts';
import { defaultLocale, isLocale, localeCodes, localeInfo, type Locale } from '../i18n/locales.ts';
import { numberDisplay } from '../utils/hotlines.ts';

/** One file of content/posters/: `id` is "<locale>/<slug>". */
export interface PosterFile {
  id: string;
  data: PosterData;
}

/** What the English poster sets for all its translations. */
export type PosterDesign = Pick<PosterData, (typeof sharedPosterFields)[number]>;

export interface Poster {
  slug: string;
  design: PosterDesign;
  /** The texts of each locale the poster is written in, English first. */
  texts: Map<Locale, PosterData>;
}

/** The numbers a poster prints for one country: only numbers that may be shown. */
export interface PosterNumbers {
  country: string;
  /** The country's checked specialised line: a number to call and/or one to text. */
  hotline: { phone?: string; sms?: string };
  /** The emergency number, when it has been checked. */
  emergency?: string;
}

/** One poster in one language with one country's numbers: the unit that is rendered and cached. */
export interface Variant {
  /** "<slug>-<locale>-<cc>", also the start of every file name it makes. */
  id: string;
  slug: string;
  locale: Locale;
  country: string;
  texts: PosterData;
  design: PosterDesign;
  numbers: PosterNumbers;
}

/** A poster that is not made for a country, and why (shown on the library page). */
export interface UnbuiltPoster {
  slug: string;
  country: string;
  reason: 'no-checked-hotline';
}

const posterFile = (id: string) => `content/posters/${id}.yaml`;

/**
 * Groups the poster files by slug and takes each poster's design from its English file. A
 * translation without an English original, or whose shared fields differ from the English ones,
 * stops the build, naming the file and the fields.
 */
export function resolvePosters(files: PosterFile[]): Poster[] {
  const problems: string[] = [];
  const bySlug = new Map<string, Map<Locale, PosterData>>();
  for (const { id, data } of files) {
    const [locale, slug] = id.split('/');
    if (!isLocale(locale)) problems.push(`${posterFile(id)}: ${locale} is not one of the site's locales`);
    else bySlug.set(slug, (bySlug.get(slug) ?? new Map()).set(locale, data));
  }
  const posters: Poster[] = [];
  for (const [slug, byLocale] of bySlug) {
    const english = byLocale.get(defaultLocale);
    if (!english) {
      problems.push(`content/posters/*/${slug}.yaml: no English original ${posterFile(`${defaultLocale}/${slug}`)}`);
      continue;
    }
    for (const [locale, data] of byLocale) {
      const differ = sharedPosterFields.filter((field) => JSON.stringify(data[field]) !== JSON.stringify(english[field]));
      if (differ.length) problems.push(`${posterFile(`${locale}/${slug}`)}: ${differ.join(', ')}: must be as in the English poster, which sets them`);
    }
    const design = Object.fromEntries(sharedPosterFields.map((field) => [field, english[field]])) as PosterDesign;
    const texts = new Map(localeCodes.filter((l) => byLocale.has(l)).map((l) => [l, byLocale.get(l)!] as const));
    posters.push({ slug, design, texts });
  }
  if (problems.length) throw new Error(`Posters cannot be built:\n  ${problems.join('\n  ')}`);
  return posters.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * The numbers a poster may print for a country, or null when the country has no checked
 * specialised line: a poster that could only point at an unchecked number is not made at all.
 */
export function posterNumbers(hotlines: CountryHotlines): PosterNumbers | null {
  const line = hotlines.hotlines.find((h) => numberDisplay(h).show && (h.phone || h.sms));
  if (!line) return null;
  return {
    country: hotlines.country,
    hotline: { phone: line.phone, sms: line.sms },
    emergency: numberDisplay(hotlines.emergency).show ? hotlines.emergency.number : undefined,
  };
}

/**
 * Every poster in each of its languages with each country it may carry: the variants to render,
 * and the poster-country pairs that are not made and why. A country without a hotline file stops
 * the build, naming the poster.
 */
export function posterVariants(posters: Poster[], hotlines: Map<string, CountryHotlines>): { variants: Variant[]; unbuilt: UnbuiltPoster[] } {
  const unknown = posters.flatMap((p) =>
    p.design.countries
      .filter((c) => !hotlines.has(c))
      .map((c) => `${posterFile(`${defaultLocale}/${p.slug}`)}: countries: no content/hotlines/${c.toLowerCase()}.yaml`),
  );
  if (unknown.length) throw new Error(`Posters name countries without hotlines:\n  ${unknown.join('\n  ')}`);

  const variants: Variant[] = [];
  const unbuilt: UnbuiltPoster[] = [];
  for (const poster of posters) {
    for (const country of poster.design.countries) {
      const numbers = posterNumbers(hotlines.get(country)!);
      if (!numbers) {
        unbuilt.push({ slug: poster.slug, country, reason: 'no-checked-hotline' });
        continue;
      }
      for (const [locale, texts] of poster.texts) {
        const id = `${poster.slug}-${locale}-${country.toLowerCase()}`;
        variants.push({ id, slug: poster.slug, locale, country, texts, design: poster.design, numbers });
      }
    }
  }
  return { variants, unbuilt };
}

/**
 * The variants an everyday build renders: each poster in each of its languages once, with the
 * numbers of that language's own country where the poster carries them, else with its first
 * country. A production build renders them all (README, "Posters").
 */
export function everydayVariants(variants: Variant[]): Variant[] {
  const chosen = new Map<string, Variant>();
  for (const variant of variants) {
    const key = `${variant.slug} ${variant.locale}`;
    const home = localeInfo(variant.locale).country;
    if (!chosen.has(key) || variant.country === home) chosen.set(key, variant);
  }
  return variants.filter((v) => chosen.get(`${v.slug} ${v.locale}`) === v);
}
