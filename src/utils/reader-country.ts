import { getCollection, getEntry } from 'astro:content';
import { localeInfo, type Locale } from '../i18n/locales';
import { sortCountries } from './hotlines';

/**
 * The country whose numbers a page puts first: the one in its URL (/vi/get-help/th/), else the
 * country most readers of the language live in, else none (English and Arabic are read in many
 * countries, and a wrong country's number is worse than asking). The country lives only in the
 * URL: nothing is stored on the reader's device.
 */
export async function readerCountry(locale: Locale, code?: string) {
  const id = code ?? localeInfo(locale).country?.toLowerCase();
  if (!id) return undefined;
  const entry = await getEntry('hotlines', id);
  if (!entry) throw new Error(`No file content/hotlines/${id}.yaml for the country of ${code ? 'this URL' : `locale "${locale}"`}`);
  return entry.data;
}

/** Every country with a hotline file, as the country chooser lists them: by name in the reader's language. */
export async function chooserCountries(locale: Locale) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return sortCountries(await getCollection('hotlines'), locale).map(({ id, data }) => ({
    id,
    name: names.of(data.country) ?? data.name,
  }));
}
