import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { materialSchema } from '../../src/schemas/material';
import { campaignSchema } from '../../src/schemas/campaign';
import { relatedMaterials } from '../../src/utils/materials';
import { audiences } from '../../src/schemas/taxonomy';
import { localeCodes } from '../../src/i18n/locales';

const lessonPlan = {
  title: 'Spot the fake job offer',
  summary: 'Learners compare job adverts and find the warning signs of a false offer.',
  audience: 'schools',
  format: 'lesson-plan',
  topics: ['recruitment'],
  ageRange: { min: 13, max: 16 },
  duration: 50,
  needs: ['Printed handout'],
  objectives: ['Recognise three warning signs in a job offer.'],
  reviewed: '2026-11-23',
  fictional: false,
};

function frontmatter(path: string) {
  return parse(readFileSync(path, 'utf8').split('---')[1]);
}

describe('material schema', () => {
  it('accepts a complete lesson plan', () => {
    expect(materialSchema.safeParse(lessonPlan).success).toBe(true);
  });

  it('asks a material for schools for an age range, naming the field', () => {
    const { ageRange: _dropped, ...noAges } = lessonPlan;
    const result = materialSchema.safeParse(noAges);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['ageRange']);
  });

  it('insists that a story is marked fictional', () => {
    const result = materialSchema.safeParse({ ...lessonPlan, format: 'story' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['fictional']);
  });

  it('rejects a topic outside the fixed list', () => {
    expect(materialSchema.safeParse({ ...lessonPlan, topics: ['weather'] }).success).toBe(false);
  });
});

describe('shipped materials and campaigns', () => {
  const english = readdirSync('content/materials/en').map((f) => ({ file: f, data: materialSchema.parse(frontmatter(`content/materials/en/${f}`)) }));

  it('has at least six materials for every audience in English', () => {
    for (const audience of audiences) {
      expect(english.filter((m) => m.data.audience === audience).length, audience).toBeGreaterThanOrEqual(6);
    }
  });

  it.each(localeCodes.filter((l) => l !== 'en'))('has at least two materials per audience in %s, matching the English', (locale) => {
    const files = readdirSync(`content/materials/${locale}`);
    for (const audience of audiences) {
      const translated = files.filter((f) => english.find((m) => m.file === f)?.data.audience === audience);
      expect(translated.length, `${locale} ${audience}`).toBeGreaterThanOrEqual(2);
    }
    for (const file of files) {
      const data = materialSchema.parse(frontmatter(`content/materials/${locale}/${file}`));
      const original = english.find((m) => m.file === file)!.data;
      for (const key of ['audience', 'format', 'topics', 'ageRange', 'duration', 'fictional'] as const) {
        expect(data[key], `content/materials/${locale}/${file}: ${key}`).toEqual(original[key]);
      }
    }
  });

  it('has a ready-to-run lesson plan for schools in every locale', () => {
    for (const locale of localeCodes) {
      const plans = readdirSync(`content/materials/${locale}`).filter(
        (f) => english.find((m) => m.file === f)?.data.format === 'lesson-plan',
      );
      expect(plans.length, locale).toBeGreaterThan(0);
    }
  });

  it('ships three valid campaigns', () => {
    const campaigns = readdirSync('content/campaigns/en');
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    for (const file of campaigns) campaignSchema.parse(frontmatter(`content/campaigns/en/${file}`));
  });
});

describe('related materials', () => {
  const route = (slug: string, audience: string, topics: string[], locale = 'en') => {
    const entry = { id: `en/${slug}`, data: { title: slug, audience, topics } };
    return { locale, slug, entry, original: entry, isFallback: false } as never;
  };

  it('suggests materials for the same audience that share a topic, closest first', () => {
    const self = route('a', 'schools', ['recruitment', 'signs']);
    const all = [
      self,
      route('b', 'schools', ['signs']),
      route('c', 'schools', ['recruitment', 'signs']),
      route('d', 'communities', ['recruitment']),
      route('e', 'schools', ['debt-bondage']),
      route('c', 'schools', ['recruitment'], 'fr'),
    ];
    expect(relatedMaterials(self, all).map((r: { slug: string }) => r.slug)).toEqual(['c', 'b']);
  });
});
