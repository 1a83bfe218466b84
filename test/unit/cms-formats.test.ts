import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonFile, mdxFormat, yamlFile, yamlFormat } from '../../src/cms/formats';

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

  it('keeps every field of each poster in content/posters/', () => {
    for (const locale of readdirSync('content/posters')) {
      for (const file of readdirSync(`content/posters/${locale}`)) {
        const path = `content/posters/${locale}/${file}`;
        const posters = yamlFormat('headline');
        expect(parse(posters.toFile(posters.fromFile(readFileSync(path, 'utf8')))), path).toEqual(parse(readFileSync(path, 'utf8')));
      }
    }
  });

  it('writes each file of the site’s texts and the SMS line’s texts back byte for byte, and the publisher setting', () => {
    for (const folder of ['ui', 'tipline']) {
      for (const file of readdirSync(`content/${folder}`)) {
        const original = readFileSync(`content/${folder}/${file}`, 'utf8');
        expect(jsonFile.toFile(jsonFile.fromFile(original)), file).toBe(original);
      }
    }
    const publisher = readFileSync('content/site/publisher.yaml', 'utf8');
    expect(parse(yamlFile.toFile(yamlFile.fromFile(publisher)))).toEqual(parse(publisher));
  });

  it('leaves out a box staff emptied, so the English text or no setting applies', () => {
    expect(JSON.parse(jsonFile.toFile({ 'site.name': 'Partir en sécurité', 'site.tagline': '' }))).toEqual({ 'site.name': 'Partir en sécurité' });
    expect(parse(yamlFile.toFile({ name: 'Safe Journeys', contact: '' }))).toEqual({ name: 'Safe Journeys' });
  });

  it('writes nothing for a translation that has only the fields copied from English', () => {
    expect(format.toFile({ audience: 'schools', topics: ['signs'], body: '' })).toBe('');
    expect(format.toFile({ title: 'Titre', body: '' })).toMatch(/^---\ntitle: Titre\n---\n/);
    expect(yamlFormat('headline').toFile({ template: 'band', countries: ['KH'] })).toBe('');
  });
});
