import { defaultLocale, localeCodes, localeInfo } from '../i18n/locales';
import { translationStatuses, type ContentFile, type TranslationStatus } from '../i18n/translation-status';

/**
 * Where every translation stands against the English as it is now, for staff: the report at
 * /admin/translations/ (built with the site, and made afresh on each visit under `npm run cms`),
 * and the words the CMS's labels and editor use for each state.
 */

export type State = TranslationStatus['state'];

/** What staff read for each state, in the report, the entry list and the editor. */
export const stateLabels: Record<State, string> = {
  current: 'Current',
  stale: 'Behind the English',
  unstamped: 'Not stamped',
  missing: 'Not translated',
};

/** The states a translator has work in, in the order the report lists them. */
export const needsWork: State[] = ['stale', 'unstamped', 'missing'];

/** Where the CMS edits an entry (Decap's routes). */
export const editorLink = (collection: string, slug: string) => `/admin/#/collections/${collection}/entries/${slug}`;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The English entry's own name: a page's or material's title, a campaign's name. */
const titleOf = (file: ContentFile | undefined) => String(file?.data.title ?? file?.data.name ?? file?.slug ?? '');

const style = `
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
  th, td { text-align: start; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
  .stale { color: #8a4b00; font-weight: 600; }
  .count { color: #444; }
`;

/** The report as a whole HTML page, from the content files of the localized collections. */
export async function translationReportPage(files: ContentFile[], madeAt: Date): Promise<string> {
  const statuses = await translationStatuses(files, localeCodes, defaultLocale);
  const english = new Map(files.filter((f) => f.locale === defaultLocale).map((f) => [`${f.collection}/${f.slug}`, f]));
  const sections = localeCodes
    .filter((locale) => locale !== defaultLocale)
    .map((locale) => {
      const own = statuses.filter((s) => s.locale === locale);
      const count = (state: State) => own.filter((s) => s.state === state).length;
      const rows = needsWork.flatMap((state) =>
        own
          .filter((s) => s.state === state)
          .map(
            (s) =>
              `<tr><td>${s.collection}</td><td><a href="${editorLink(s.collection, s.slug)}">${escape(titleOf(english.get(`${s.collection}/${s.slug}`)))}</a></td>` +
              `<td class="${state}">${stateLabels[state]}</td></tr>`,
          ),
      );
      const { name } = localeInfo(locale);
      const summary = `${count('current')} of ${own.length} current, ${count('stale')} behind the English, ${count('unstamped')} not stamped, ${count('missing')} not translated`;
      const table = rows.length
        ? `<table><thead><tr><th>Collection</th><th>English entry</th><th>State</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
        : '<p>Every translation is current.</p>';
      return `<section id="${locale}"><h2 lang="${locale}">${escape(name)} (${locale})</h2><p class="count">${summary}</p>${table}</section>`;
    });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>Translations: where they stand</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Translations: where they stand</h1>
<p>Made ${madeAt.toISOString().slice(0, 16).replace('T', ' ')} UTC from the files in content/.
<strong>Behind the English</strong>: the English text changed after the translation was made; readers see a notice on it.
<strong>Not stamped</strong>: the translation does not say which English it was made from.
<strong>Not translated</strong>: readers see the English, with a notice.
Open an entry, check the translation against the English, then press <strong>Mark as current</strong> under <strong>Translated from</strong> and publish.</p>
<p><a href="/admin/">Back to the content manager</a></p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
