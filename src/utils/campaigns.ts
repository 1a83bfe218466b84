import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale } from '../i18n/locales';
import { splitEntryId } from './page-routes';

/**
 * A campaign names materials, posters and hotline countries by file name; a typo would silently
 * drop one from its page, so the build stops and names the file and the field.
 */
export async function assertCampaignLinks(campaigns: CollectionEntry<'campaigns'>[]): Promise<void> {
  const materials = new Set(
    (await getCollection('materials')).map((m) => splitEntryId(m.id)).filter((m) => m.locale === defaultLocale).map((m) => m.slug),
  );
  const posters = new Set(
    (await getCollection('posters')).map((p) => splitEntryId(p.id)).filter((p) => p.locale === defaultLocale).map((p) => p.slug),
  );
  const hotlines = new Set((await getCollection('hotlines')).map((h) => h.id.toUpperCase()));
  const problems = campaigns.flatMap(({ id, data }) => [
    ...data.materials.filter((m) => !materials.has(m)).map((m) => `content/campaigns/${id}.mdx: materials: no content/materials/en/${m}.mdx`),
    ...data.posters.filter((p) => !posters.has(p)).map((p) => `content/campaigns/${id}.mdx: posters: no content/posters/en/${p}.yaml`),
    ...data.hotlineCountries.filter((c) => !hotlines.has(c)).map((c) => `content/campaigns/${id}.mdx: hotlineCountries: no content/hotlines/${c.toLowerCase()}.yaml`),
  ]);
  if (problems.length) throw new Error(`Campaigns name files that do not exist:\n  ${problems.join('\n  ')}`);
}
