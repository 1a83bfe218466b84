import { describe, expect, it } from 'vitest';
import { posterSchema, type PosterInput } from '../../src/schemas/poster';
import type { CountryHotlines } from '../../src/schemas/hotline';
import { everydayVariants, posterVariants, resolvePosters, type PosterFile } from '../../src/posters/variants';
import { html, raw } from '../../src/posters/html';
import { stripNumbers } from '../../src/posters/templates/tear-off';

const texts = {
  headline: 'A job abroad that sounds too good?',
  lines: ['Keep your passport with you.'],
  callToAction: 'Not sure? Ask for free help:',
  alt: 'A poster asking about a job abroad, with the numbers to call.',
  tearOff: 'Free help',
  pocketCard: { title: 'Safe journey', line: 'Free help, any time:' },
};
const design: PosterInput = { ...texts, template: 'band', accent: 'teal', audiences: ['communities'], topics: ['recruitment'], countries: ['TH', 'KH'] };

const file = (id: string, data: PosterInput): PosterFile => ({ id, data: posterSchema.parse(data) });

const checked = new Date('2026-11-23');
/** The check records of a number read on its publisher's page on that date, or none. */
const checksOn = (date: Date | null) =>
  date ? [{ date, method: 'published-source' as const, source: 'https://example.org/hotlines', by: 'Test' }] : [];
const country = (code: string, hotlines: CountryHotlines['hotlines'], emergencyChecked: Date | null = checked): CountryHotlines => ({
  country: code,
  name: code,
  emergency: { number: '112', checks: checksOn(emergencyChecked) },
  hotlines,
});
const line = (phone: string, verified: Date | null, sms?: string) => ({
  name: { en: 'Line' }, organisation: { en: 'Org' }, phone, sms, hours: { en: '24 hours' }, languages: ['en'], purpose: { en: 'Reports' }, checks: checksOn(verified),
});

describe('poster variants', () => {
  const posters = resolvePosters([file('en/jobs', design), file('km/jobs', { ...design, headline: 'ការងារ' })]);

  it('makes one variant per language and country, with only checked numbers', () => {
    const hotlines = new Map([
      ['TH', country('TH', [line('1300', checked)], null)],
      ['KH', country('KH', [line('1288', checked)])],
    ]);
    const { variants, unbuilt } = posterVariants(posters, hotlines);
    expect(variants.map((v) => v.id)).toEqual(['jobs-en-th', 'jobs-km-th', 'jobs-en-kh', 'jobs-km-kh']);
    expect(variants[1].texts.headline).toBe('ការងារ');
    expect(variants[1].design.template).toBe('band');
    // Thailand's emergency number is unchecked here: it is left off, the checked hotline stays.
    expect(variants[0].numbers).toEqual({ country: 'TH', hotline: { phone: '1300', sms: undefined }, emergency: undefined });
    expect(unbuilt).toEqual([]);
  });

  it('does not make a poster whose only hotline is unchecked, and says why', () => {
    const hotlines = new Map([
      ['TH', country('TH', [line('1300', checked)])],
      ['KH', country('KH', [line('1288', null)])],
    ]);
    const { variants, unbuilt } = posterVariants(posters, hotlines);
    expect(variants.every((v) => v.country === 'TH')).toBe(true);
    expect(unbuilt).toEqual([{ slug: 'jobs', country: 'KH', reason: 'no-checked-hotline' }]);
    expect(JSON.stringify(variants)).not.toContain('1288');
  });

  it('stops the build when a poster names a country without a hotline file', () => {
    expect(() => posterVariants(posters, new Map([['TH', country('TH', [])]]))).toThrow(
      'content/posters/en/jobs.yaml: countries: no content/hotlines/kh.yaml',
    );
  });

  it('takes the design from the English poster, naming a translation that disagrees', () => {
    expect(() => resolvePosters([file('en/jobs', design), file('fr/jobs', { ...design, accent: 'plum' })])).toThrow(
      'content/posters/fr/jobs.yaml: accent: must be as in the English poster',
    );
    expect(() => resolvePosters([file('km/jobs', design)])).toThrow('no English original content/posters/en/jobs.yaml');
  });

  it('refuses texts too long to read from across a room', () => {
    const result = posterSchema.safeParse({ ...design, lines: ['one', 'two', 'three', 'four', 'five'] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['lines']);
  });
});

describe('poster markup', () => {
  it('escapes poster texts and keeps markup made by the templates', () => {
    const headline = '<script>alert(1)</script> & "quotes"';
    expect(html`<h1>${headline}</h1>${raw('<svg></svg>')}`.value).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h1><svg></svg>',
    );
  });
});

describe('tear-off strips', () => {
  const strip = (hotline: { phone?: string; sms?: string }, tiplineSms?: string) => {
    const posters = resolvePosters([file('en/p', { ...design, countries: ['TH'] })]);
    const [variant] = posterVariants(posters, new Map([['TH', country('TH', [line('1300', checked)])]])).variants;
    const labels = { call: 'Call', text: 'Text', emergency: 'Emergency', scan: 'Scan' };
    return stripNumbers({ variant: { ...variant, numbers: { country: 'TH', hotline } }, dir: 'ltr', countryName: 'Thailand', labels, tiplineSms, url: '', qr: raw('') });
  };

  it('carry the hotline to call and our own SMS line where the build has one', () => {
    expect(strip({ phone: '1300', sms: '4567' }, '+44 7700 900123')).toEqual([
      { kind: 'phone', value: '1300' },
      { kind: 'text', value: '+44 7700 900123' },
    ]);
  });

  it('carry the hotline\'s own SMS number without one, and a text-only hotline once', () => {
    expect(strip({ phone: '1300', sms: '4567' })).toEqual([{ kind: 'phone', value: '1300' }, { kind: 'text', value: '4567' }]);
    expect(strip({ sms: '4567' })).toEqual([{ kind: 'text', value: '4567' }]);
    expect(strip({ sms: '4567' }, '+44 7700 900123')).toEqual([{ kind: 'text', value: '4567' }, { kind: 'text', value: '+44 7700 900123' }]);
  });
});

describe('everyday builds', () => {
  it('render each poster in each language once, with the language\'s own country where it can', () => {
    const posters = resolvePosters([file('en/jobs', design), file('km/jobs', design), file('th/jobs', design)]);
    const hotlines = new Map([
      ['TH', country('TH', [line('1300', checked)])],
      ['KH', country('KH', [line('1288', checked)])],
    ]);
    const chosen = everydayVariants(posterVariants(posters, hotlines).variants);
    expect(chosen.map((v) => v.id).sort()).toEqual(['jobs-en-th', 'jobs-km-kh', 'jobs-th-th']);
  });
});
