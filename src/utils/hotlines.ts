import type { Check, CountryHotlines, Hotline, LocalizedText } from '../schemas/hotline.ts';

export interface CountryEntry {
  id: string;
  data: CountryHotlines;
}

/** Anything that carries a number's check records: an emergency number or a hotline. */
interface Checked {
  checks: Check[];
}

/**
 * What a reader may be shown of one number. `show: false`: nobody has checked it; print nothing,
 * say "call your local emergency number" instead. `show: true`: print it, with `note` when the
 * last check only read the number on its publisher's page (`checked against <source>, <date>`);
 * a number a person last called carries no note.
 */
export type NumberDisplay =
  | { show: false }
  | { show: true; check: Check; note?: { source: string; date: Date } };

/**
 * THE decision whether a number may be shown, and with what note. Every page, the SMS replies and
 * the posters ask this function and nothing else: a wrong number can cost a life, so the rule lives
 * in one place. The most recent check decides.
 */
export function numberDisplay(number: Checked): NumberDisplay {
  const check = number.checks.reduce<Check | undefined>((last, c) => (!last || c.date >= last.date ? c : last), undefined);
  if (!check) return { show: false };
  return check.method === 'called' ? { show: true, check } : { show: true, check, note: { source: check.source, date: check.date } };
}

/** Works on GSM mobile networks in most countries: the fallback when a country's own number is unchecked or unknown. */
export const INTERNATIONAL_EMERGENCY = '112';

/** The emergency number to tell someone in a country (the SMS replies, the voice line): its own when checked, else 112. */
export function emergencyNumberOf(country: CountryHotlines | undefined): string {
  return country && numberDisplay(country.emergency).show ? country.emergency.number : INTERNATIONAL_EMERGENCY;
}

/** A production build publishes only numbers a person has called. */
export function calledByAPerson(number: Checked): boolean {
  return number.checks.some((c) => c.method === 'called');
}

/** Every number no person has called, named so staff can find it in content/hotlines/. */
export function numbersNotCalled(countries: CountryEntry[]): string[] {
  return countries.flatMap(({ id, data }) => {
    const file = `content/hotlines/${id}.yaml`;
    const found: string[] = [];
    if (!calledByAPerson(data.emergency)) found.push(`${file}: emergency number ${data.emergency.number}`);
    data.hotlines.forEach((h, i) => {
      if (!calledByAPerson(h)) found.push(`${file}: hotlines[${i}] "${h.name.en}"`);
    });
    return found;
  });
}

/**
 * A production build must not publish a number that only a web page vouches for, nor leave a gap
 * where a reader needs a number. Set REQUIRE_VERIFIED_HOTLINES=1 (npm run build:production) to make
 * any number without a `called` check fail the build.
 */
export function assertHotlinesReadyForProduction(countries: CountryEntry[], env = process.env): void {
  if (env.REQUIRE_VERIFIED_HOTLINES !== '1') return;
  const missing = numbersNotCalled(countries);
  if (missing.length) {
    throw new Error(
      `Production build stopped: ${missing.length} hotline number(s) have no check by phone (method: called).\n` +
        missing.map((m) => `  ${m}`).join('\n') +
        '\nCall each number, add a check with method: called (see the README, "Check a number"), or remove it.',
    );
  }
}

/**
 * Lines that are the same service (same English name and organisation) listed in several countries'
 * files must carry the same numbers: readers abroad and at home must not be given different ones.
 */
export function disagreeingNumbers(countries: CountryEntry[]): string[] {
  const seen = new Map<string, { where: string; numbers: string }>();
  const problems: string[] = [];
  for (const { id, data } of countries) {
    data.hotlines.forEach((h, i) => {
      const key = `${h.name.en}\u0000${h.organisation.en}`;
      const numbers = `phone ${h.phone ?? '-'}, sms ${h.sms ?? '-'}`;
      const where = `content/hotlines/${id}.yaml hotlines[${i}]`;
      const first = seen.get(key);
      if (!first) seen.set(key, { where, numbers });
      else if (first.numbers !== numbers) {
        problems.push(`"${h.name.en}": ${first.where} has ${first.numbers}, but ${where} has ${numbers}`);
      }
    });
  }
  return problems;
}

/** Stops the build when two entries give different numbers for the same line. */
export function assertHotlinesAgree(countries: CountryEntry[]): void {
  const problems = disagreeingNumbers(countries);
  if (problems.length) {
    throw new Error(`Hotline numbers disagree:\n${problems.map((p) => `  ${p}`).join('\n')}\nMake them the same, or name the lines differently.`);
  }
}

/**
 * A hotline's text in the reader's language, or the English with `lang: 'en'` for the page to mark
 * it (screen readers then pronounce it as English).
 */
export function inLocale(text: LocalizedText, locale: string): { text: string; lang?: 'en' } {
  const own = (text as Partial<Record<string, string>>)[locale];
  return own ? { text: own } : { text: text.en, lang: locale === 'en' ? undefined : 'en' };
}

/** Countries sorted by their name in the reader's language. */
export function sortCountries(countries: CountryEntry[], locale: string): CountryEntry[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const nameOf = (c: CountryEntry) => names.of(c.data.country) ?? c.data.name;
  return [...countries].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale));
}

/** One line a reader can call or text, as the help buttons show it. */
export interface HelpLine {
  kind: 'emergency' | 'hotline';
  /** The hotline's name in the reader's language (lang 'en' when it falls back); absent for the emergency number, which the UI names. */
  name?: { text: string; lang?: 'en' };
  phone?: string;
  sms?: string;
}

/**
 * The lines to put first for a country: its emergency number and its first specialised hotline,
 * each only if it may be shown.
 */
export function helpLines(country: CountryHotlines, locale: string): HelpLine[] {
  const lines: HelpLine[] = [];
  if (numberDisplay(country.emergency).show) lines.push({ kind: 'emergency', phone: country.emergency.number });
  const hotline = country.hotlines.find((h: Hotline) => numberDisplay(h).show);
  if (hotline) lines.push({ kind: 'hotline', name: inLocale(hotline.name, locale), phone: hotline.phone, sms: hotline.sms });
  return lines;
}

/** A number as a tel: or sms: link wants it: digits and a leading +. */
export function dialable(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}
