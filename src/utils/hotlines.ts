import type { CountryHotlines } from '../schemas/hotline';

export interface CountryEntry {
  id: string;
  data: CountryHotlines;
}

/** Every number that has no verified date, named so staff can find it in content/hotlines/. */
export function unverifiedNumbers(countries: CountryEntry[]): string[] {
  return countries.flatMap(({ id, data }) => {
    const file = `content/hotlines/${id}.yaml`;
    const found: string[] = [];
    if (!data.emergency.verified) found.push(`${file}: emergency number ${data.emergency.number}`);
    data.hotlines.forEach((h, i) => {
      if (!h.verified) found.push(`${file}: hotlines[${i}] "${h.name}"`);
    });
    return found;
  });
}

/**
 * A production build must not publish a directory with numbers nobody has checked: the page would
 * show "not yet verified" where a reader needs a number. Set REQUIRE_VERIFIED_HOTLINES=1
 * (npm run build:production) to make any unverified number fail the build.
 */
export function assertHotlinesReadyForProduction(countries: CountryEntry[], env = process.env): void {
  if (env.REQUIRE_VERIFIED_HOTLINES !== '1') return;
  const missing = unverifiedNumbers(countries);
  if (missing.length) {
    throw new Error(
      `Production build stopped: ${missing.length} hotline number(s) have no verified date.\n` +
        missing.map((m) => `  ${m}`).join('\n') +
        '\nCheck each number against its source and set `verified`, or remove it.',
    );
  }
}

/** Countries sorted by their name in the reader's language. */
export function sortCountries(countries: CountryEntry[], locale: string): CountryEntry[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const nameOf = (c: CountryEntry) => names.of(c.data.country) ?? c.data.name;
  return [...countries].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale));
}

/** What a number's record says about its checking (today: the date a person verified it). */
interface Checked {
  verified: Date | null;
}

/**
 * Whether a number may be shown to a reader or printed on a poster. The one place that decides
 * it: a number nobody has checked is never shown, because a wrong one can cost a life.
 */
export function mayShow(number: Checked): boolean {
  return number.verified !== null;
}

/** One line a reader can call or text, as the help buttons show it. */
export interface HelpLine {
  kind: 'emergency' | 'hotline';
  /** The hotline's name (English for now); absent for the emergency number, which the UI names. */
  name?: string;
  phone?: string;
  sms?: string;
}

/**
 * The lines to put first for a country: its emergency number and its first specialised hotline,
 * each only if it may be shown.
 */
export function helpLines(country: CountryHotlines): HelpLine[] {
  const lines: HelpLine[] = [];
  if (mayShow(country.emergency)) lines.push({ kind: 'emergency', phone: country.emergency.number });
  const hotline = country.hotlines.find(mayShow);
  if (hotline) lines.push({ kind: 'hotline', name: hotline.name, phone: hotline.phone, sms: hotline.sms });
  return lines;
}

/** A number as a tel: or sms: link wants it: digits and a leading +. */
export function dialable(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}
