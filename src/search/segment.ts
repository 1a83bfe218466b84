/**
 * Thai and Khmer are written without spaces between words, and Pagefind splits words on spaces:
 * left alone it cannot find a Khmer word inside a sentence (0 of 60 pages in our measurement).
 * So, for these locales only, we put a space between the words that Intl.Segmenter finds, both in
 * the text we hand to the indexer and in the reader's query. Readers never see these spaces.
 */
export const unspacedLocales = ['th', 'km'] as const;

const scripts: Record<string, RegExp> = { th: /[\u0E00-\u0E7F]/, km: /[\u1780-\u17FF\u19E0-\u19FF]/ };

export function needsSegmenting(locale: string): boolean {
  return (unspacedLocales as readonly string[]).includes(locale);
}

/** "ការជួញដូរមនុស្ស" → "ការ ជួញដូរ មនុស្ស"; text in other scripts is left as it is. */
export function spaceWords(text: string, locale: string): string {
  const script = scripts[locale];
  if (!script || !script.test(text)) return text;
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  let out = '';
  let previousWasWord = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const word = Boolean(isWordLike) && script.test(segment);
    if (word && previousWasWord) out += ' ';
    out += segment;
    previousWasWord = word;
  }
  return out;
}

/**
 * Spaces the words of every text node of an HTML page; tags and attributes are untouched. A text
 * node is also padded with spaces, so words on either side of an inline tag (<b>, <a>) stay apart.
 */
export function spaceWordsInHtml(html: string, locale: string): string {
  return html.replace(/>([^<]+)</g, (match, text: string) =>
    scripts[locale]?.test(text) ? `> ${spaceWords(text, locale)} <` : match,
  );
}

/**
 * Takes the indexing spaces out of an excerpt again before a reader sees it. Pagefind wraps found
 * words in <mark> (with the space inside: "<mark>ใบ </mark>"), so spaces next to mark tags go too.
 */
export function unspaceExcerpt(html: string, locale: string): string {
  const script = scripts[locale];
  if (!script) return html;
  const letters = script.source.slice(1, -1);
  const between = new RegExp(`([${letters}](?:</mark>)?) ((?:</mark>)?(?:<mark>)?[${letters}])`, 'g');
  // Twice, because a one-letter word between two spaces is consumed by the first pass.
  return html.replace(between, '$1$2').replace(between, '$1$2');
}
