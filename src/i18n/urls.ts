import type { Locale } from './locales';

/**
 * The URL of a page in a locale. Every URL carries its locale and ends with a slash; the same
 * slug names a page in every language, so switching language keeps the reader on the same page.
 * An empty slug is the locale's home page.
 */
export function localizedPath(locale: Locale, slug = ''): string {
  return slug ? `/${locale}/${slug}/` : `/${locale}/`;
}
