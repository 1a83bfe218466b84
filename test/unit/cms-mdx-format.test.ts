import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mdxFormat } from '../../src/cms/mdx-format';

const format = mdxFormat('title');
const frontmatterOf = (text: string) => parse(text.split(/^---$/m)[1]);
const bodyOf = (text: string) => text.split(/^---$/m).slice(2).join('---').trim();

describe('the CMS reads and writes content files as they are', () => {
  for (const collection of ['pages', 'materials', 'campaigns']) {
    it(`keeps every field and the whole body of each file in content/${collection}/`, () => {
      for (const locale of readdirSync(`content/${collection}`)) {
        for (const file of readdirSync(`content/${collection}/${locale}`)) {
          const path = `content/${collection}/${locale}/${file}`;
          const original = readFileSync(path, 'utf8');
          const written = mdxFormat(collection === 'campaigns' ? 'name' : 'title').toFile(format.fromFile(original));
          expect(frontmatterOf(written), path).toEqual(frontmatterOf(original));
          expect(bodyOf(written), path).toBe(bodyOf(original));
        }
      }
    });
  }

  it('writes nothing for a translation that has only the fields copied from English', () => {
    expect(format.toFile({ audience: 'schools', topics: ['signs'], body: '' })).toBe('');
    expect(format.toFile({ title: 'Titre', body: '' })).toMatch(/^---\ntitle: Titre\n---\n/);
  });
});
