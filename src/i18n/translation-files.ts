import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { localeCodes } from './locales.ts';
import { localizedCollections, type LocalizedCollection } from './fingerprint.ts';
import { splitFrontmatter, type ContentFile } from './translation-status.ts';

/** Reading content/<collection>/<locale>/<slug>.mdx under a project folder, on Node (the build, scripts). */

export const contentPath = (collection: string, locale: string, slug: string) => `content/${collection}/${locale}/${slug}.mdx`;

export function readContentFile(root: string, collection: LocalizedCollection, locale: string, slug: string): ContentFile {
  const file = contentPath(collection, locale, slug);
  try {
    const { frontmatter, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    return { collection, locale, slug, data: parse(frontmatter) ?? {}, body };
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Every file of the collections that have translations, in every locale. */
export function readContentFiles(root: string): ContentFile[] {
  return localizedCollections.flatMap((collection) =>
    localeCodes
      .filter((locale) => existsSync(join(root, 'content', collection, locale)))
      .flatMap((locale) =>
        readdirSync(join(root, 'content', collection, locale))
          .filter((name) => name.endsWith('.mdx'))
          .map((name) => readContentFile(root, collection, locale, name.replace(/\.mdx$/, ''))),
      ),
  );
}
