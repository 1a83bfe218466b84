import type { TextsByLocale } from '../content.ts';
import type { TiplineText } from '../../../src/schemas/tipline.ts';
import type { Locale } from '../../../src/i18n/locales.ts';

export type Command = keyof TiplineText['keywords'];

/** Lower case, no punctuation or extra spaces: how a keyword is compared. */
export function normalizeKeyword(text: string): string {
  return text.toLocaleLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

// Every keyword of every language, normalized once per loaded set of texts.
const keywordIndex = new WeakMap<TextsByLocale, Map<string, { command: Command; locale: Locale }>>();
function keywordsOf(texts: TextsByLocale) {
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
export function commandIn(body: string, texts: TextsByLocale): { command: Command; locale: Locale } | undefined {
  const message = normalizeKeyword(body);
  return message ? keywordsOf(texts).get(message) : undefined;
}
