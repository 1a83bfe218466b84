import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemsWith } from '../../src/cms/validate';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('the CMS refuses before saving what the build would refuse', () => {
  it('an SMS reply that lost its {emergency} placeholder', () => {
    const english = json('content/tipline/en.json') as { replies: Record<string, string> };
    expect(problemsWith('tipline', 'en', english)).toEqual([]);
    const broken = { ...english, replies: { ...english.replies, help: 'Text us any time.' } };
    expect(problemsWith('tipline', 'en', broken).join()).toMatch(/replies\.help.*\{emergency\}/);
  });

  it('an English site text left empty, but not a French one, which falls back to English', () => {
    expect(problemsWith('ui', 'en', { ...json('content/ui/en.json'), 'site.name': '' }).join()).toMatch(/site\.name/);
    expect(problemsWith('ui', 'fr', { ...json('content/ui/fr.json'), 'site.name': '' })).toEqual([]);
    expect(problemsWith('ui', 'fr', { 'site.nmae': 'Partir' }).join()).toMatch(/site\.nmae/);
  });

  it('a publisher contact that is not on this site or over https', () => {
    expect(problemsWith('site', 'publisher', { name: 'Safe Journeys', contact: '' })).toEqual([]);
    expect(problemsWith('site', 'publisher', { name: 'Safe Journeys', contact: 'http://example.org' }).join()).toMatch(/contact/);
  });
});
