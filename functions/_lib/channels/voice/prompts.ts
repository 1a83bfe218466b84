import { createHash } from 'node:crypto';
import { fill } from '../../../../src/i18n/fill.ts';
import { localeCodes, type Locale } from '../../../../src/i18n/locales.ts';
import type { VoiceText } from '../../../../src/schemas/voice.ts';

export type VoiceTexts = Map<Locale, VoiceText>;

/** What the line says at each step of a call (content/voice/<locale>.json). */
export const promptKeys = [
  'greeting', 'menu', 'safety', 'connecting', 'noAnswer', 'recordingNotice', 'recordOption', 'smsOption', 'speak', 'thanks', 'smsSent', 'goodbye',
] as const;
export type PromptKey = (typeof promptKeys)[number];

/** One thing said in one language: the text, with this call's values in it. */
export interface Prompt {
  locale: Locale;
  key: PromptKey;
  text: string;
}

/** The key that chooses a language: its place in the site's list (en 1 … km 8), as the SMS line's language words have it. */
export function menuDigit(locale: Locale): string {
  return String(localeCodes.indexOf(locale) + 1);
}

export function localeOfDigit(digit: string | undefined): Locale | undefined {
  return digit ? localeCodes[Number(digit) - 1] : undefined;
}

/** A number said digit by digit ("1 1 2"), as a caller must dial it. */
export function spokenNumber(number: string): string {
  return number.replace(/[^\d+]/g, '').split('').join(' ');
}

/** The values a call fills its prompts with. */
export interface PromptValues {
  /** The verified emergency number for the caller's country. */
  emergency: string;
  /** How long a voice message is kept (RETENTION_DAYS). */
  days: number;
}

/** The text of one prompt in one language, with this call's values. */
export function prompt(texts: VoiceTexts, locale: Locale, key: PromptKey, values: PromptValues): Prompt {
  const digit = key === 'menu' ? menuDigit(locale) : key === 'recordOption' ? '1' : key === 'smsOption' ? '2' : '';
  const text = fill(texts.get(locale)![key], { digit, emergency: spokenNumber(values.emergency), days: values.days });
  return { locale, key, text };
}

/**
 * The file a recording of a prompt must have: public/audio/<locale>/<key>-<fingerprint>.mp3, the
 * fingerprint made from the exact words. A recording of other words (an older retention period,
 * another emergency number) is never played: the line says what is true now, or falls back.
 */
export function recordingPath(p: Prompt): string {
  const fingerprint = createHash('sha256').update(`${p.locale}\n${p.key}\n${p.text}`).digest('hex').slice(0, 8);
  return `${p.locale}/${p.key}-${fingerprint}.mp3`;
}

/** Every prompt of a language, as a call with these values says them: what staff record. */
export function promptsOf(texts: VoiceTexts, locale: Locale, values: PromptValues): Prompt[] {
  return promptKeys.map((key) => prompt(texts, locale, key, values));
}

/** Languages Twilio cannot speak (Khmer), whose prompts must be recorded. */
export function unvoiced(texts: VoiceTexts): Locale[] {
  return [...texts].filter(([, text]) => !text.speech).map(([locale]) => locale);
}
