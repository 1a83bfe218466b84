/**
 * The site's languages: the one list every other part reads (routing, the language switcher,
 * hreflang, content folders, the language picker at `/`).
 * To add a language, add it here, then add content/ui/<code>.json and content/pages/<code>/.
 */
export const locales = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'th', name: 'ไทย', dir: 'ltr' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { code: 'km', name: 'ខ្មែរ', dir: 'ltr' },
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
