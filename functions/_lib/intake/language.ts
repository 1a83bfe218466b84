import { franc } from 'franc-min';
import { isLocale, type Locale } from '../../../src/i18n/locales.ts';

/** Scripts that name their language on their own. */
const scripts: [RegExp, Locale][] = [
  [/[\u1780-\u17FF\u19E0-\u19FF]/g, 'km'],
  [/[\u0E00-\u0E7F]/g, 'th'],
  [/[\u0600-\u06FF\u0750-\u077F]/g, 'ar'],
  [/[\u0400-\u04FF]/g, 'ru'],
];

/** franc's ISO 639-3 codes for the Latin-script languages we answer in. */
const latin: Record<string, Locale> = { eng: 'en', fra: 'fr', spa: 'es', vie: 'vi' };

/**
 * The language a message is written in, or undefined when it cannot tell (too short, or a language
 * we do not answer in). Thai, Khmer, Arabic and Cyrillic are told by their script; Latin-script
 * text by franc, which needs a few words to be sure.
 */
export function detectLanguage(text: string): Locale | undefined {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
  if (!letters) return undefined;
  for (const [pattern, locale] of scripts) {
    if ((text.match(pattern)?.length ?? 0) / letters > 0.3) return locale;
  }
  // Vietnamese letters with their tone marks are a strong sign before franc is sure.
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text)) return 'vi';
  const guess = franc(text, { minLength: 10, only: Object.keys(latin) });
  return latin[guess];
}

/**
 * The reply language, in order: the reporter's own choice, the language of this message, the
 * conversation's language so far, the line's country default, then English.
 */
export function replyLanguage(options: {
  chosen?: Locale;
  text: string;
  previous?: string;
  countryDefault?: Locale;
}): Locale {
  const previous = options.previous && isLocale(options.previous) ? options.previous : undefined;
  return options.chosen ?? detectLanguage(options.text) ?? previous ?? options.countryDefault ?? 'en';
}
