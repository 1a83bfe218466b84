import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales';

// The Pagefind index of the built site: `npm test` builds it first.
const dir = 'dist/pagefind';
let entry: { languages: Record<string, { page_count: number }> };
beforeAll(() => {
  if (!existsSync(join(dir, 'pagefind-entry.json'))) throw new Error('Run `npm run build` before these tests.');
  entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
});

const indexBytes = (locale: string) =>
  readdirSync(join(dir, 'index'))
    .filter((f) => f.startsWith(`${locale}_`))
    .reduce((n, f) => n + statSync(join(dir, 'index', f)).size, 0);

/** Entries a locale has its own text for, in every indexed collection. */
const ownEntries = (locale: string) =>
  ['pages', 'materials', 'campaigns', 'posters']
    .map((folder) => `content/${folder}/${locale}`)
    .filter((dir) => existsSync(dir))
    .reduce((n, dir) => n + readdirSync(dir).length, 0);

describe('search index', () => {
  it('has one index per locale, of that locale\'s own pages only', () => {
    expect(Object.keys(entry.languages).sort()).toEqual([...localeCodes].sort());
    // Khmer lacks some pages and materials: their English fallbacks must not be in the Khmer index.
    for (const locale of localeCodes) expect(entry.languages[locale].page_count, locale).toBe(ownEntries(locale));
    expect(ownEntries('km')).toBeLessThan(ownEntries('en'));
  });

  // Per indexed text, since locales are translated at different paces: a locale with more texts
  // has a bigger index without any fault in its word spacing.
  it('keeps the Thai and Khmer indexes, per text, within three times the size of the others', () => {
    const bytesPerEntry = (locale: string) => indexBytes(locale) / ownEntries(locale);
    const spaced = localeCodes.filter((l) => l !== 'th' && l !== 'km').map(bytesPerEntry).sort((a, b) => a - b);
    const median = spaced[Math.floor(spaced.length / 2)];
    expect(bytesPerEntry('th')).toBeLessThan(3 * median);
    expect(bytesPerEntry('km')).toBeLessThan(3 * median);
  });
});
