import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeUiSchema, partialUiSchema } from '../../src/schemas/ui';
import { defaultLocale, localeCodes } from '../../src/i18n/locales';

/** The risk-information core that every locale must have in its own language. */
const corePages = [
  'what-is-trafficking',
  'signs-of-trafficking',
  'how-recruiters-deceive',
  'safe-migration-checklist',
  'smuggling-vs-trafficking',
  'your-rights',
  'get-help',
  'cover-your-tracks',
];

const ui = (code: string) => JSON.parse(readFileSync(`content/ui/${code}.json`, 'utf8'));

describe('content', () => {
  it('has every UI string in English', () => {
    expect(completeUiSchema.safeParse(ui(defaultLocale)).error?.issues ?? []).toEqual([]);
  });

  it.each(localeCodes)('has the UI strings and every core page in %s', (code) => {
    expect(partialUiSchema.safeParse(ui(code)).success).toBe(true);
    const missing = corePages.filter((slug) => !existsSync(`content/pages/${code}/${slug}.mdx`));
    expect(missing).toEqual([]);
  });

  it.each(localeCodes.filter((c) => c !== defaultLocale))('translates every UI string in %s', (code) => {
    expect(Object.keys(ui(code)).sort()).toEqual(Object.keys(ui(defaultLocale)).sort());
  });

  it('prints no phone number in page text: numbers come only from content/hotlines/', () => {
    for (const code of localeCodes) {
      for (const file of readdirSync(`content/pages/${code}`)) {
        const body = readFileSync(`content/pages/${code}/${file}`, 'utf8').split('---').slice(2).join('---');
        expect(body, `content/pages/${code}/${file}`).not.toMatch(/\d[\d -]{5,}\d/);
      }
    }
  });
});
