import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { needsSegmenting, spaceWordsInHtml } from '../search/segment';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/**
 * Builds the Pagefind index at the end of `astro build`: one index per locale (from <html lang>),
 * of what pages mark with data-pagefind-body. Thai and Khmer text is handed over with its words
 * spaced (see src/search/segment.ts); the pages themselves are not changed.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        for (const file of htmlFiles(root)) {
          let content = readFileSync(file, 'utf8');
          const locale = /<html[^>]*\slang="([^"]+)"/.exec(content)?.[1] ?? '';
          if (needsSegmenting(locale)) content = spaceWordsInHtml(content, locale);
          const added = await index.addHTMLFile({ sourcePath: relative(root, file), content });
          if (added.errors.length) throw new Error(`Pagefind could not read ${file}: ${added.errors.join('; ')}`);
          pages += 1;
        }
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index written for ${pages} HTML files`);
      },
    },
  };
}
