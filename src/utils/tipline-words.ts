import type { Locale } from '../i18n/locales';

// The SMS line's own texts (content/tipline/<locale>.json), so the site and the line never disagree.
const tiplineTexts = import.meta.glob<{ keywords: { delete: string[] } }>('../../content/tipline/*.json', { eager: true, import: 'default' });

/** The word that erases a conversation when texted to the line, in this language, as people write it. */
export function deleteWord(locale: Locale): string {
  const word = tiplineTexts[`../../content/tipline/${locale}.json`]?.keywords.delete[0] ?? 'DELETE';
  return word.toLocaleUpperCase(locale);
}
