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
