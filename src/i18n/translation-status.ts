import {
  localizedCollections,
  sourceFingerprint,
  translationState,
  type LocalizedCollection,
  type TranslationState,
} from './fingerprint.ts';

/** One MDX file of a localized collection: content/<collection>/<locale>/<slug>.mdx, parsed. */
export interface ContentFile {
  collection: LocalizedCollection;
  locale: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

export interface TranslationStatus {
  collection: LocalizedCollection;
  slug: string;
  locale: string;
  state: TranslationState | 'missing';
}

/** Where every English entry stands in each of the other locales. */
export async function translationStatuses(files: ContentFile[], locales: string[], english = 'en'): Promise<TranslationStatus[]> {
  const byKey = new Map(files.map((f) => [`${f.collection}/${f.locale}/${f.slug}`, f]));
  const statuses: TranslationStatus[] = [];
  for (const collection of localizedCollections) {
    for (const source of files.filter((f) => f.collection === collection && f.locale === english)) {
      const current = await sourceFingerprint(collection, source.data, source.body);
      for (const locale of locales.filter((l) => l !== english)) {
        const translation = byKey.get(`${collection}/${locale}/${source.slug}`);
        const state = translation ? translationState(translation.data.translatedFrom as string | undefined, current) : 'missing';
        statuses.push({ collection, slug: source.slug, locale, state });
      }
    }
  }
  return statuses;
}

const frontmatterBlock = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** An MDX file's frontmatter (YAML text) and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } {
  const match = frontmatterBlock.exec(source);
  if (!match) throw new Error('no frontmatter: the file must start with a --- block');
  return { frontmatter: match[1], body: source.slice(match[0].length) };
}

/**
 * The file with `translatedFrom: <fingerprint>` in its frontmatter, replacing an earlier stamp.
 * Only that line changes, so the rest of the file stays as its translator wrote it.
 */
export function stampTranslatedFrom(source: string, fingerprint: string): string {
  const { frontmatter, body } = splitFrontmatter(source);
  const line = `translatedFrom: ${fingerprint}`;
  const stamped = /^translatedFrom:.*$/m.test(frontmatter)
    ? frontmatter.replace(/^translatedFrom:.*$/m, line)
    : `${frontmatter}\n${line}`;
  return `---\n${stamped}\n---\n${body}`;
}
