import { defaultLocale } from '../i18n/locales';
import { splitEntryId } from './page-routes';

/** What the check needs of a campaign entry: its id ("<locale>/<slug>") and the lists set in English. */
export interface CampaignTexts {
  id: string;
  data: { languages: readonly string[]; materials: readonly string[] };
}

/**
 * A campaign runs in the languages its English file names, so each of them needs the campaign's
 * own text and the text of every material it uses: without them a Khmer campaign would hand Khmer
 * readers English pages. Returns one line per missing file, naming the campaign, the language and
 * the file to write; `materials` holds the ids ("<locale>/<slug>") of the materials that exist.
 */
export function missingCampaignTexts(campaigns: readonly CampaignTexts[], materials: ReadonlySet<string>): string[] {
  const written = new Set(campaigns.map((c) => c.id));
  return campaigns
    .filter((c) => splitEntryId(c.id).locale === defaultLocale)
    .flatMap(({ id, data }) => {
      const { slug } = splitEntryId(id);
      const file = `content/campaigns/${id}.mdx`;
      return data.languages
        .filter((language) => language !== defaultLocale)
        .flatMap((language) => [
          ...(written.has(`${language}/${slug}`) ? [] : [`${file}: languages: ${language}, but there is no content/campaigns/${language}/${slug}.mdx`]),
          ...data.materials
            .filter((material) => !materials.has(`${language}/${material}`))
            .map((material) => `${file}: languages: ${language}, but its material ${material} has no content/materials/${language}/${material}.mdx`),
        ]);
    });
}
