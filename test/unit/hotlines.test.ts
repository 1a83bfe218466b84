import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countryHotlinesSchema } from '../../src/schemas/hotline';
import { assertHotlinesReadyForProduction, helpLines, unverifiedNumbers } from '../../src/utils/hotlines';
import { readBuildSettings } from '../../src/utils/build-settings';

const good = {
  country: 'KH',
  name: 'Cambodia',
  emergency: { number: '117', source: 'https://www.police.gov.kh', verified: '2026-11-23' },
  hotlines: [
    {
      name: 'Example line',
      organisation: 'Example organisation',
      phone: '1288',
      hours: '24 hours, every day',
      languages: ['km'],
      purpose: 'Reports of trafficking.',
      source: 'https://example.org',
      verified: null,
    },
  ],
};

const shipped = readdirSync('content/hotlines').map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  data: countryHotlinesSchema.parse(parse(readFileSync(`content/hotlines/${file}`, 'utf8'))),
}));

describe('hotline data', () => {
  it('accepts a country file with sources and dates', () => {
    expect(countryHotlinesSchema.safeParse(good).success).toBe(true);
  });

  it('rejects a number without a source, naming the field', () => {
    const { source: _dropped, ...noSource } = good.emergency;
    const result = countryHotlinesSchema.safeParse({ ...good, emergency: noSource });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['emergency', 'source']);
  });

  it('rejects letters in a phone number and a hotline with no number at all', () => {
    const letters = { ...good, hotlines: [{ ...good.hotlines[0], phone: '12-HELP' }] };
    const none = { ...good, hotlines: [{ ...good.hotlines[0], phone: undefined }] };
    expect(countryHotlinesSchema.safeParse(letters).success).toBe(false);
    expect(countryHotlinesSchema.safeParse(none).success).toBe(false);
  });

  it('names every unverified number with its file', () => {
    const data = countryHotlinesSchema.parse(good);
    expect(unverifiedNumbers([{ id: 'kh', data }])).toEqual(['content/hotlines/kh.yaml: hotlines[0] "Example line"']);
  });

  it('stops a production build while any number is unverified, and only then', () => {
    const countries = [{ id: 'kh', data: countryHotlinesSchema.parse(good) }];
    expect(() => assertHotlinesReadyForProduction(countries, {})).not.toThrow();
    expect(() => assertHotlinesReadyForProduction(countries, { REQUIRE_VERIFIED_HOTLINES: '1' })).toThrow(
      /content\/hotlines\/kh\.yaml: hotlines\[0\] "Example line"/,
    );
  });

  it('ships only valid files, each named after its country code', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const { id, data } of shipped) expect(data.country.toLowerCase()).toBe(id);
  });

  it('ships a verified emergency number for every country', () => {
    for (const { data } of shipped) expect(data.emergency.verified).not.toBeNull();
  });
});

describe('the numbers a reader is offered first', () => {
  it('are the emergency number and the first checked hotline, never an unchecked one', () => {
    const data = countryHotlinesSchema.parse({
      ...good,
      hotlines: [
        { ...good.hotlines[0], name: 'Unchecked line', phone: '1288', verified: null },
        { ...good.hotlines[0], name: 'Checked line', phone: '1300', sms: '4567', verified: '2026-11-23' },
      ],
    });
    expect(helpLines(data)).toEqual([
      { kind: 'emergency', phone: '117' },
      { kind: 'hotline', name: 'Checked line', phone: '1300', sms: '4567' },
    ]);
  });

  it('leave out an emergency number nobody has checked', () => {
    const data = countryHotlinesSchema.parse({ ...good, emergency: { ...good.emergency, verified: null } });
    expect(helpLines(data)).toEqual([]);
  });
});

describe('the tip line number setting', () => {
  it('is optional: unset or empty hides the SMS line', () => {
    expect(readBuildSettings({}).PUBLIC_TIPLINE_SMS).toBeUndefined();
    expect(readBuildSettings({ PUBLIC_TIPLINE_SMS: '' }).PUBLIC_TIPLINE_SMS).toBeUndefined();
    expect(readBuildSettings({ PUBLIC_TIPLINE_SMS: '+44 7700 900123' }).PUBLIC_TIPLINE_SMS).toBe('+44 7700 900123');
  });

  it('stops the build with the variable named when it is not a phone number', () => {
    expect(() => readBuildSettings({ PUBLIC_TIPLINE_SMS: 'text us' })).toThrow(/PUBLIC_TIPLINE_SMS.*phone number/);
  });
});
