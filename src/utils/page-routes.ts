import { defaultLocale, isLocale, localeCodes, type Locale } from '../i18n/locales';

/** What a route needs to know of a content entry: its id is "<locale>/<slug>". */
export interface LocalizedEntry {
  id: string;
}

export interface PageRoute<E extends LocalizedEntry> {
  locale: Locale;
  slug: string;
  entry: E;
  /** The default-locale entry: the page's audiences and topics are set there. */
  original: E;
  /** True when the locale has no translation and the entry is the default-locale text. */
  isFallback: boolean;
}

export function splitEntryId(id: string): { locale: string; slug: string } {
  const [locale, ...rest] = id.split('/');
  return { locale, slug: rest.join('/') };
}

/**
 * One route per locale for every page that exists in the default locale. Where a locale lacks a
 * translation, the default-locale entry is served under the locale's URL, flagged as a fallback.
 * We build these ourselves rather than use Astro's i18n.fallback, which misbehaves with dynamic
 * [lang] routes (withastro/astro#13614, #14060, #13673); Starlight does the same.
 */
export function pageRoutes<E extends LocalizedEntry>(entries: E[]): PageRoute<E>[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const slugs = entries
    .map((e) => splitEntryId(e.id))
    .filter((parts) => parts.locale === defaultLocale)
    .map((parts) => parts.slug);

  return localeCodes.flatMap((locale) =>
    slugs.map((slug) => {
      const own = byId.get(`${locale}/${slug}`);
      const original = byId.get(`${defaultLocale}/${slug}`)!;
      return { locale, slug, entry: own ?? original, original, isFallback: !own };
    }),
  );
}

/**
 * Entries no URL leads to: a folder that is not one of our locales, or a translation whose
 * default-locale original does not exist (a typo in the file name, or a page deleted in English).
 */
export function unreachableEntries(entries: LocalizedEntry[]): string[] {
  const defaults = new Set(
    entries.map((e) => splitEntryId(e.id)).filter((p) => p.locale === defaultLocale).map((p) => p.slug),
  );
  return entries
    .map((e) => e.id)
    .filter((id) => {
      const { locale, slug } = splitEntryId(id);
      return !isLocale(locale) || !defaults.has(slug);
    });
}

/**
 * getStaticPaths for a localized collection (content/<folder>/<locale>/<slug>.mdx): one route per
 * locale and slug, each knowing which locales have their own text (for hreflang). Fails the build,
 * naming the files, when an entry cannot be reached.
 */
export function localizedStaticPaths<E extends LocalizedEntry>(entries: E[], folder: string) {
  const unreachable = unreachableEntries(entries);
  if (unreachable.length) {
    throw new Error(
      `These files in content/${folder}/ have no English original or are not in a locale folder:\n` +
        unreachable.map((id) => `  content/${folder}/${id}.mdx`).join('\n'),
    );
  }
  return pageRoutes(entries).map((route) => ({
    params: { lang: route.locale, slug: route.slug },
    props: {
      ...route,
      translatedIn: entries
        .map((e) => splitEntryId(e.id))
        .filter((e) => e.slug === route.slug)
        .map((e) => e.locale as Locale),
    },
  }));
}
