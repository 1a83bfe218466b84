/**
 * The site's languages: the one list every other part reads (routing, the language switcher,
 * hreflang, content folders, the language picker at `/`).
 * To add a language, add it here, then add content/ui/<code>.json and content/pages/<code>/.
 * `country` is where most readers of that language live (its hotline is shown in materials);
 * null where a language is read in many countries.
 */
export const locales = [
  { code: 'en', name: 'English', dir: 'ltr', country: null },
  { code: 'fr', name: 'Français', dir: 'ltr', country: 'FR' },
  { code: 'es', name: 'Español', dir: 'ltr', country: 'ES' },
  { code: 'ru', name: 'Русский', dir: 'ltr', country: 'RU' },
  { code: 'ar', name: 'العربية', dir: 'rtl', country: null },
  { code: 'th', name: 'ไทย', dir: 'ltr', country: 'TH' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', country: 'VN' },
  { code: 'km', name: 'ខ្មែរ', dir: 'ltr', country: 'KH' },
] as const;

export type Locale = (typeof locales)[number]['code'];
export const defaultLocale: Locale = 'en';
export const localeCodes = locales.map((l) => l.code) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (localeCodes as string[]).includes(value);
}

export function localeInfo(code: Locale) {
  return locales.find((l) => l.code === code)!;
}
