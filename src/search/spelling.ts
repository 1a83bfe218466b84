/**
 * Spelling help for the search page. Pagefind has no typo tolerance: a word missing from the index
 * only falls back to its longest prefix that is indexed, so "trafficing" finds "trafficking" but
 * "pasport" finds nothing. When a query finds nothing, the page tries these near spellings of each
 * word (one letter doubled, dropped, two letters swapped, or, in Latin script, a vowel left out:
 * the slips people make most) and shows the results of the nearest that finds anything, saying so.
 */

/** Words shorter than this have too many near spellings that are other real words. */
const MIN_LENGTH = 4;

/** Near spellings of one word, nearest kinds first, without repeats or the word itself. */
export function nearSpellings(word: string): string[] {
  const letters = [...word.toLocaleLowerCase()];
  if (letters.length < MIN_LENGTH || !letters.every((c) => /\p{L}/u.test(c))) return [];
  const variants = new Set<string>();
  const join = (parts: string[]) => parts.join('');
  letters.forEach((_, i) => {
    if (letters[i] !== letters[i + 1]) variants.add(join([...letters.slice(0, i + 1), letters[i], ...letters.slice(i + 1)]));
  });
  letters.forEach((_, i) => variants.add(join([...letters.slice(0, i), ...letters.slice(i + 1)])));
  letters.slice(0, -1).forEach((_, i) => {
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    variants.add(join(swapped));
  });
  if (letters.every((c) => /\p{Script=Latin}/u.test(c))) {
    for (let i = 0; i <= letters.length; i++) {
      for (const vowel of 'aeiou') variants.add(join([...letters.slice(0, i), vowel, ...letters.slice(i)]));
    }
  }
  variants.delete(join(letters));
  // People rarely slip on the first letter, and keeping it keeps the tries to the few parts of the
  // index that hold words starting with it: each other first letter is another download.
  return [...variants].filter((v) => v[0] === letters[0]);
}

/** Whole queries to try, each with one of its words respelt (and which word that is). */
export function nearQueries(query: string): { query: string; word: string }[] {
  const words = query.trim().split(/\s+/);
  return words.flatMap((word, i) =>
    nearSpellings(word).map((variant) => ({ query: [...words.slice(0, i), variant, ...words.slice(i + 1)].join(' '), word: variant })),
  );
}

/**
 * Whether a result really matched the respelt word. Pagefind falls back to a word's longest indexed
 * prefix, so "arecruter" would "match" every "a": the excerpt's marked words tell.
 */
export function matchesRespelling(excerpt: string, word: string): boolean {
  const stem = word.slice(0, Math.min(word.length, 4)).toLocaleLowerCase();
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].some(([, marked]) => marked.toLocaleLowerCase().startsWith(stem));
}
