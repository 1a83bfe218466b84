import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale } from '../i18n/locales';
import { splitEntryId } from './page-routes';
import { missingCampaignTexts } from './campaign-languages';

/**
 * A campaign names materials, posters and hotline countries by file name; a typo would silently
 * drop one from its page, so the build stops and names the file and the field. It also stops when
 * a campaign names a language in which it, or one of its materials, has no text.
 */
export async function assertCampaignLinks(campaigns: CollectionEntry<'campaigns'>[]): Promise<void> {
  const materialIds = (await getCollection('materials')).map((m) => m.id);
  const materials = new Set(materialIds.map(splitEntryId).filter((m) => m.locale === defaultLocale).map((m) => m.slug));
  const posters = new Set(
    (await getCollection('posters')).map((p) => splitEntryId(p.id)).filter((p) => p.locale === defaultLocale).map((p) => p.slug),
  );
  const hotlines = new Set((await getCollection('hotlines')).map((h) => h.id.toUpperCase()));
  const problems = campaigns.flatMap(({ id, data }) => [
    ...data.materials.filter((m) => !materials.has(m)).map((m) => `content/campaigns/${id}.mdx: materials: no content/materials/en/${m}.mdx`),
    ...data.posters.filter((p) => !posters.has(p)).map((p) => `content/campaigns/${id}.mdx: posters: no content/posters/en/${p}.yaml`),
    ...data.hotlineCountries.filter((c) => !hotlines.has(c)).map((c) => `content/campaigns/${id}.mdx: hotlineCountries: no content/hotlines/${c.toLowerCase()}.yaml`),
  ]);
  problems.push(...missingCampaignTexts(campaigns, new Set(materialIds)));
  if (problems.length) throw new Error(`Campaigns name files that do not exist:\n  ${problems.join('\n  ')}`);
}

/**
 * The countries whose help numbers a material shows: those its campaigns promote
 * (hotlineCountries), the reader's own country first when it is one of them, so a UK employers'
 * guide shows the UK's numbers even to a Khmer reader. A material no campaign uses shows the
 * reader's country, if the language has one.
 */
export function helpCountriesFor(material: string, campaigns: CollectionEntry<'campaigns'>[], readerCountry: string | null): string[] {
  const promoted = [
    ...new Set(
      campaigns
        .filter((c) => splitEntryId(c.id).locale === defaultLocale && c.data.materials.includes(material))
        .flatMap((c) => c.data.hotlineCountries),
    ),
  ];
  if (!promoted.length) return readerCountry ? [readerCountry] : [];
  return readerCountry && promoted.includes(readerCountry)
    ? [readerCountry, ...promoted.filter((c) => c !== readerCountry)]
    : promoted;
}
