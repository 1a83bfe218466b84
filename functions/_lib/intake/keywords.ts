import type { TextsByLocale } from '../content.ts';
import type { TiplineText } from '../../../src/schemas/tipline.ts';
import type { Locale } from '../../../src/i18n/locales.ts';

export type Command = keyof TiplineText['keywords'];
type KeywordIndex = Map<string, { command: Command; locale: Locale }>;

/** Lower case, no punctuation or extra spaces: how a keyword is compared. */
export function normalizeKeyword(text: string): string {
  return text.toLocaleLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

/** Adds every language's words of one kind; the first language that lists a word keeps it, as a reply must be in one language. */
function addWords(index: KeywordIndex, texts: TextsByLocale, pick: (text: TiplineText) => Partial<Record<Command, string[]>>): void {
  for (const [locale, text] of texts) {
    for (const [command, words] of Object.entries(pick(text)) as [Command, string[]][]) {
      for (const word of words) if (!index.has(normalizeKeyword(word))) index.set(normalizeKeyword(word), { command, locale });
    }
  }
}

// Every keyword of every language, normalized once per loaded set of texts: those that count at
// any time, and those plus the ones that count only before a reporter's first report.
const indexes = new WeakMap<TextsByLocale, { always: KeywordIndex; beforeReport: KeywordIndex }>();
function keywordsOf(texts: TextsByLocale) {
  let index = indexes.get(texts);
  if (!index) {
    const always: KeywordIndex = new Map();
    addWords(always, texts, (t) => t.keywords);
    const beforeReport = new Map(always);
    addWords(beforeReport, texts, (t) => t.keywordsBeforeReport);
    indexes.set(texts, (index = { always, beforeReport }));
  }
  return index;
}

/**
 * The command a message is, if the whole message is one of the line's keywords in any language
 * (English words work everywhere). A story that merely contains "stop" is not a command. Once a
 * reporter has made a report, a one-word message may be an answer to a responder, so only the
 * unambiguous keywords count (no menu numbers, no common words).
 */
export function commandIn(
  body: string,
  texts: TextsByLocale,
  options: { beforeReport: boolean },
): { command: Command; locale: Locale } | undefined {
  const message = normalizeKeyword(body);
  const { always, beforeReport } = keywordsOf(texts);
  return message ? (options.beforeReport ? beforeReport : always).get(message) : undefined;
}
