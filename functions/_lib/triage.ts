import type { TextsByLocale } from './replies.ts';
import type { Urgency } from './directory.ts';

const unspaced = /[\u0E00-\u0E7F\u1780-\u17FF]/;

/** A term as a whole word (or anywhere, for scripts written without spaces), ignoring case. */
function mentions(text: string, term: string): boolean {
  const haystack = text.toLocaleLowerCase();
  const needle = term.toLocaleLowerCase();
  if (unspaced.test(needle)) return haystack.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

/**
 * How urgent a tip looks and what it may be about, from the keyword lists staff keep in
 * content/tipline/<locale>.json. Every language's list is used, as a message may mix languages.
 * This only orders and routes the work: a person reads every tip.
 */
export function triage(text: string, texts: TextsByLocale): { urgency: Urgency; categories: string[] } {
  const lists = [...texts.values()].map((t) => t.triage);
  const any = (pick: (l: (typeof lists)[number]) => string[]) => lists.some((l) => pick(l).some((term) => mentions(text, term)));
  return {
    urgency: any((l) => l.urgent) ? 'urgent' : 'normal',
    categories: (['labour', 'sexual', 'child'] as const).filter((c) => any((l) => l[c])),
  };
}
