import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localeCodes } from '../../src/i18n/locales';
import { missingCampaignTexts } from '../../src/utils/campaign-languages';

/** The ids ("<locale>/<slug>") of a collection's .mdx files in content/. */
function idsIn(collection: string): string[] {
  return localeCodes
    .filter((locale) => existsSync(`content/${collection}/${locale}`))
    .flatMap((locale) =>
      readdirSync(`content/${collection}/${locale}`)
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => `${locale}/${name.replace(/\.mdx$/, '')}`),
    );
}

describe('a campaign in the languages it names', () => {
  const campaign = (id: string, languages: string[]) => ({ id, data: { languages, materials: ['safe-jobs', 'family-guide'] } });

  it('names the campaign, the language and each file that is missing', () => {
    const problems = missingCampaignTexts(
      [campaign('en/know-before-you-go', ['en', 'km', 'th']), campaign('km/know-before-you-go', ['en', 'km', 'th'])],
      new Set(['en/safe-jobs', 'en/family-guide', 'km/safe-jobs', 'th/safe-jobs', 'th/family-guide']),
    );
    expect(problems).toEqual([
      'content/campaigns/en/know-before-you-go.mdx: languages: km, but its material family-guide has no content/materials/km/family-guide.mdx',
      'content/campaigns/en/know-before-you-go.mdx: languages: th, but there is no content/campaigns/th/know-before-you-go.mdx',
    ]);
  });

  it('asks nothing of the languages a campaign does not name', () => {
    expect(missingCampaignTexts([campaign('en/fair-work-here', ['en'])], new Set(['en/safe-jobs', 'en/family-guide']))).toEqual([]);
  });

  it('holds for every campaign in content/: its text and its materials exist in each of its languages', () => {
    const campaigns = idsIn('campaigns').map((id) => ({ id, data: parse(readFileSync(`content/campaigns/${id}.mdx`, 'utf8').split('---')[1]) }));
    expect(missingCampaignTexts(campaigns, new Set(idsIn('materials')))).toEqual([]);
  });
});
