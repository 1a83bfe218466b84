import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSchema, countryHotlinesSchema } from '../../src/schemas/hotline';
import {
  assertHotlinesAgree,
  assertHotlinesReadyForProduction,
  disagreeingNumbers,
  helpLines,
  inLocale,
  numberDisplay,
  numbersNotCalled,
} from '../../src/utils/hotlines';
import { readBuildSettings } from '../../src/utils/build-settings';

const read = (url: string, date = '2026-11-20') =>
  ({ date, method: 'published-source', source: url, by: 'Content team' }) as const;
const called = (date = '2026-11-25') =>
  ({ date, method: 'called', source: 'https://example.gov.kh/hotlines', by: 'A. Caseworker' }) as const;

const good = {
  country: 'KH',
  name: 'Cambodia',
  emergency: { number: '117', checks: [called()] },
  hotlines: [
    {
      name: { en: 'Example line 1288', km: 'ខ្សែ 1288' },
      organisation: { en: 'Example organisation' },
      phone: '1288',
      hours: { en: '24 hours, every day' },
      languages: ['km'],
      purpose: { en: 'Reports of trafficking.' },
    },
  ],
};
const parsed = (data: unknown = good) => countryHotlinesSchema.parse(data);

const shipped = readdirSync('content/hotlines').map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  data: countryHotlinesSchema.parse(parse(readFileSync(`content/hotlines/${file}`, 'utf8'))),
}));

describe('hotline data', () => {
  it('accepts a country file with check records and texts in several languages', () => {
    expect(countryHotlinesSchema.safeParse(good).error?.issues ?? []).toEqual([]);
  });

  it('rejects a check without its page, its method or who made it, naming the field', () => {
    for (const [field, value] of [['source', undefined], ['source', 'police.gov.kh'], ['method', 'seen-on-a-poster'], ['by', undefined]] as const) {
      const check = { ...called(), [field]: value };
      const result = countryHotlinesSchema.safeParse({ ...good, emergency: { number: '117', checks: [check] } });
      expect(result.error?.issues[0].path, `${field}: ${value}`).toEqual(['emergency', 'checks', 0, field]);
    }
  });

  it('needs English for every text and refuses a language the site does not have', () => {
    const noEnglish = { ...good, hotlines: [{ ...good.hotlines[0], name: { km: 'ខ្សែ 1288' } }] };
    const unknown = { ...good, hotlines: [{ ...good.hotlines[0], name: { en: 'Line', xx: 'Line' } }] };
    expect(countryHotlinesSchema.safeParse(noEnglish).error?.issues[0].path).toEqual(['hotlines', 0, 'name', 'en']);
    expect(countryHotlinesSchema.safeParse(unknown).success).toBe(false);
  });

  it('rejects letters in a phone number and a hotline with no number at all', () => {
    const letters = { ...good, hotlines: [{ ...good.hotlines[0], phone: '12-HELP' }] };
    const none = { ...good, hotlines: [{ ...good.hotlines[0], phone: undefined, name: { en: 'Example line' } }] };
    expect(countryHotlinesSchema.safeParse(letters).success).toBe(false);
    expect(countryHotlinesSchema.safeParse(none).error?.issues[0].message).toMatch(/at least one of phone or sms/);
  });

  it('refuses a text, in any language, that names another number than the line\'s own', () => {
    const stale = { ...good, hotlines: [{ ...good.hotlines[0], phone: '1289' }] };
    const issues = countryHotlinesSchema.safeParse(stale).error!.issues;
    expect(issues.map((i) => i.path)).toEqual([['hotlines', 0, 'name', 'en'], ['hotlines', 0, 'name', 'km']]);
    expect(issues[0].message).toMatch(/mentions 1288, which is not this line's number \(1289\)/);
  });

  it('ships only valid files, each named after its country code', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const { id, data } of shipped) expect(data.country.toLowerCase()).toBe(id);
  });

  it('ships checks that each name a page, a date not in the future, and who checked', () => {
    const today = new Date();
    for (const { id, data } of shipped) {
      for (const number of [data.emergency, ...data.hotlines]) {
        for (const check of number.checks) {
          expect(check.date.getTime(), `content/hotlines/${id}.yaml`).toBeLessThanOrEqual(today.getTime());
          expect(new URL(check.source).pathname.length + new URL(check.source).search.length, `${id}: ${check.source} is a home page, not the page read`).toBeGreaterThan(1);
        }
      }
    }
  });

  it('ships every unchecked number with a note saying what was searched', () => {
    for (const { id, data } of shipped) {
      for (const number of [data.emergency, ...data.hotlines]) {
        if (!number.checks.length) expect(number.notes, `content/hotlines/${id}.yaml`).toBeDefined();
      }
    }
  });

  it('gives no two entries of the same line different numbers', () => {
    expect(disagreeingNumbers(shipped)).toEqual([]);
  });
});

const checks = (...list: unknown[]) => ({ checks: checkSchema.array().parse(list) });

describe('which numbers a reader may see (numberDisplay)', () => {
  it('hides a number nobody has checked', () => {
    expect(numberDisplay(checks())).toEqual({ show: false });
  });

  it('shows a number read on its publisher\'s page with a note naming that page and the date', () => {
    const display = numberDisplay(checks(read('https://childhelplinecambodia.org/page/8')));
    expect(display).toMatchObject({ show: true, note: { source: 'https://childhelplinecambodia.org/page/8' } });
  });

  it('shows a number a person called without a note, and lets the latest check decide', () => {
    const phoned = numberDisplay(checks(called('2026-11-25')));
    expect(phoned).toMatchObject({ show: true, check: { method: 'called' } });
    expect(phoned).not.toHaveProperty('note');
    const later = numberDisplay(checks(called('2026-01-01'), read('https://example.org/page', '2026-11-20')));
    expect(later).toMatchObject({ show: true, note: { source: 'https://example.org/page' } });
  });
});

describe('a production build', () => {
  it('counts only numbers a person called, and names the others with their file', () => {
    const data = parsed({ ...good, hotlines: [{ ...good.hotlines[0], checks: [read('https://example.org/page')] }] });
    expect(numbersNotCalled([{ id: 'kh', data }])).toEqual(['content/hotlines/kh.yaml: hotlines[0] "Example line 1288"']);
  });

  it('stops while a number has no call, and only then', () => {
    const countries = [{ id: 'kh', data: parsed() }];
    expect(() => assertHotlinesReadyForProduction(countries, {})).not.toThrow();
    expect(() => assertHotlinesReadyForProduction(countries, { REQUIRE_VERIFIED_HOTLINES: '1' })).toThrow(
      /content\/hotlines\/kh\.yaml: hotlines\[0\] "Example line 1288"/,
    );
    const allCalled = [{ id: 'kh', data: parsed({ ...good, hotlines: [{ ...good.hotlines[0], checks: [called()] }] }) }];
    expect(() => assertHotlinesReadyForProduction(allCalled, { REQUIRE_VERIFIED_HOTLINES: '1' })).not.toThrow();
  });
});

describe('the same line listed for two countries', () => {
  it('stops the build when the two entries give different numbers', () => {
    const other = parsed({ ...good, country: 'TH', name: 'Thailand', hotlines: [{ ...good.hotlines[0], phone: '1288', sms: '4567' }] });
    expect(() => assertHotlinesAgree([{ id: 'kh', data: parsed() }, { id: 'th', data: other }])).toThrow(
      /"Example line 1288": content\/hotlines\/kh\.yaml hotlines\[0\] has phone 1288, sms -, but content\/hotlines\/th\.yaml hotlines\[0\] has phone 1288, sms 4567/,
    );
  });
});

describe('hotline texts in the reader\'s language', () => {
  it('are the reader\'s own when translated, else English marked as English', () => {
    const name = { en: 'Child Helpline', km: 'ខ្សែទូរស័ព្ទជំនួយកុមារ' };
    expect(inLocale(name, 'km')).toEqual({ text: 'ខ្សែទូរស័ព្ទជំនួយកុមារ' });
    expect(inLocale(name, 'th')).toEqual({ text: 'Child Helpline', lang: 'en' });
    expect(inLocale(name, 'en')).toEqual({ text: 'Child Helpline', lang: undefined });
  });
});

describe('the numbers a reader is offered first', () => {
  it('are the emergency number and the first checked hotline, never an unchecked one', () => {
    const data = parsed({
      ...good,
      hotlines: [
        { ...good.hotlines[0], name: { en: 'Unchecked line' }, phone: '1288' },
        { ...good.hotlines[0], name: { en: 'Checked line', km: 'ខ្សែដែលបានពិនិត្យ' }, phone: '1300', sms: '4567', checks: [read('https://example.org/page')] },
      ],
    });
    expect(helpLines(data, 'km')).toEqual([
      { kind: 'emergency', phone: '117' },
      { kind: 'hotline', name: { text: 'ខ្សែដែលបានពិនិត្យ' }, phone: '1300', sms: '4567' },
    ]);
  });

  it('leave out an emergency number nobody has checked', () => {
    const data = parsed({ ...good, emergency: { number: '117' } });
    expect(helpLines(data, 'en')).toEqual([]);
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
