import { SegmentedMessage } from 'sms-segments-calculator';
import type { CountryHotlines } from '../../src/schemas/hotline.ts';
import type { TiplineText } from '../../src/schemas/tipline.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** Works on GSM mobile networks in most countries: the fallback when we do not know where a sender is. */
const INTERNATIONAL_EMERGENCY = '112';

export type Command = keyof TiplineText['keywords'];

/** Lower case, no punctuation or extra spaces: how a keyword is compared. */
export function normalizeKeyword(text: string): string {
  return text.toLocaleLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

// Every keyword of every language, normalized once per loaded set of texts.
const keywordIndex = new WeakMap<Map<Locale, TiplineText>, Map<string, { command: Command; locale: Locale }>>();
function keywordsOf(texts: Map<Locale, TiplineText>) {
  let index = keywordIndex.get(texts);
  if (!index) {
    index = new Map();
    for (const [locale, text] of texts) {
      for (const [command, words] of Object.entries(text.keywords) as [Command, string[]][]) {
        // The first language that lists a word keeps it, as a reply must be in one language.
        for (const word of words) if (!index.has(normalizeKeyword(word))) index.set(normalizeKeyword(word), { command, locale });
      }
    }
    keywordIndex.set(texts, index);
  }
  return index;
}

/**
 * The command a message is, if the whole message is one of the line's keywords in any language
 * (English words work everywhere). A story that merely contains "stop" is not a command.
 */
export function commandIn(
  body: string,
  texts: Map<Locale, TiplineText>,
): { command: Command; locale: Locale } | undefined {
  const message = normalizeKeyword(body);
  return message ? keywordsOf(texts).get(message) : undefined;
}

/**
 * Fills a reply with the numbers for the reporter's country. Only verified numbers are ever sent:
 * a wrong number can cost a life.
 */
export function fillReply(template: string, text: TiplineText, country: CountryHotlines | undefined): string {
  const emergency = country?.emergency.verified ? country.emergency.number : INTERNATIONAL_EMERGENCY;
  const line = country?.hotlines.find((h) => h.verified && (h.phone ?? h.sms));
  const hotline = line ? text.replies.hotline.replace('{number}', (line.phone ?? line.sms)!) : '';
  return template.replace('{hotline}', hotline).replace('{emergency}', emergency);
}

/** How many SMS segments a text needs in the encoding it needs (GSM-7 or UCS-2). */
export function segmentsOf(text: string): number {
  return new SegmentedMessage(text).segmentsCount;
}

export type { TiplineText };
export type TextsByLocale = Map<Locale, TiplineText>;
export function textFor(texts: TextsByLocale, locale: Locale): TiplineText {
  return texts.get(locale) ?? texts.get('en')!;
}
