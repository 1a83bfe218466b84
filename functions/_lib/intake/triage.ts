import type { TextsByLocale } from '../content.ts';
import type { Urgency } from '../routing/directory.ts';

const unspaced = /[\u0E00-\u0E7F\u1780-\u17FF]/;
const lists = ['urgent', 'labour', 'sexual', 'child'] as const;
type List = (typeof lists)[number];

/** Tells whether a (lower-cased) text mentions any term of one list. */
type Matcher = (lowerText: string) => boolean;

/**
 * One matcher per list, over every language's terms: a single regular expression for the terms
 * written with spaces (each as a whole word), a substring test for Thai and Khmer terms, which are
 * written without spaces between words.
 */
function compile(terms: string[]): Matcher {
  const lower = [...new Set(terms.map((t) => t.toLocaleLowerCase()))];
  const inline = lower.filter((t) => unspaced.test(t));
  const words = lower.filter((t) => !unspaced.test(t)).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  return (text) => inline.some((t) => text.includes(t)) || (pattern?.test(text) ?? false);
}

// Compiled once per loaded set of texts: triage runs on every incoming message.
const compiled = new WeakMap<TextsByLocale, Record<List, Matcher>>();
function matchersFor(texts: TextsByLocale): Record<List, Matcher> {
  let matchers = compiled.get(texts);
  if (!matchers) {
    const all = [...texts.values()].map((t) => t.triage);
    matchers = Object.fromEntries(lists.map((list) => [list, compile(all.flatMap((t) => t[list]))])) as Record<List, Matcher>;
    compiled.set(texts, matchers);
  }
  return matchers;
}

/**
 * How urgent a tip looks and what it may be about, from the keyword lists staff keep in
 * content/tipline/<locale>.json. Every language's list is used, as a message may mix languages.
 * This only orders and routes the work: a person reads every tip.
 */
export function triage(text: string, texts: TextsByLocale): { urgency: Urgency; categories: string[] } {
  const matchers = matchersFor(texts);
  const lower = text.toLocaleLowerCase();
  return {
    urgency: matchers.urgent(lower) ? 'urgent' : 'normal',
    categories: (['labour', 'sexual', 'child'] as const).filter((c) => matchers[c](lower)),
  };
}
