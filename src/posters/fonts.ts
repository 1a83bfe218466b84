import type { Locale } from '../i18n/locales.ts';

/**
 * The fonts a poster embeds, from @fontsource packages (never from the web). Noto Sans is loaded
 * whole, not its latin subset, which lacks the Vietnamese letters; the script fonts shape Arabic,
 * Thai and Khmer. Regular and bold only: fewer fonts, smaller PDFs.
 */
const family = (pkg: string) => [`${pkg}/400.css`, `${pkg}/700.css`];

const scriptFonts: Partial<Record<Locale, string>> = {
  ar: 'noto-sans-arabic',
  th: 'noto-sans-thai',
  km: 'noto-sans-khmer',
};

/** Stylesheets, relative to node_modules/@fontsource/, for a poster in this locale. */
export function fontStylesheets(locale: Locale): string[] {
  const script = scriptFonts[locale];
  return [...family('noto-sans'), ...(script ? family(script) : [])];
}

/** Every stylesheet any locale uses. */
export const allFontStylesheets = [...new Set([...family('noto-sans'), ...Object.values(scriptFonts).flatMap((pkg) => family(pkg!))])];
