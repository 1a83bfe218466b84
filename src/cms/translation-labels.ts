import { defaultLocale, localeCodes } from '../i18n/locales';
import { localizedCollections } from '../i18n/fingerprint';
import { translationStatuses, type ContentFile, type TranslationStatus } from '../i18n/translation-status';
import { mdxFormat } from './formats';
import { needsWork, stateLabels } from './translation-report';

/**
 * Labels in the CMS's entry lists saying which translations of an entry are behind the English,
 * not stamped or not written yet. Decap's list shows a summary of the English fields only, so the
 * labels are computed here from the files themselves: our backends (src/cms/backends.ts) report
 * every file of the translated collections the CMS reads or saves, and each list entry (a link to
 * its editor) gets a label after its title. A save in the CMS changes the labels at once.
 */

const translatedFile = new RegExp(`^content/(${localizedCollections.join('|')})/(${localeCodes.join('|')})/(.+)\\.mdx$`);

/** The files as the CMS last read or saved them, by path. */
const files = new Map<string, string>();
/** Each English entry's translations that need work, by "<collection>/<slug>". */
let behind = new Map<string, TranslationStatus[]>();
let scheduled = false;

export function fileRead(path: string, raw: string): void {
  if (!translatedFile.test(path) || files.get(path) === raw) return;
  files.set(path, raw);
  schedule();
}

export function fileDeleted(path: string): void {
  if (files.delete(path)) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // A list arrives as many files at once: compute once they are all in.
  queueMicrotask(async () => {
    scheduled = false;
    const parsed: ContentFile[] = [...files].map(([path, raw]) => {
      const [, collection, locale, slug] = translatedFile.exec(path)!;
      const { body, ...data } = mdxFormat('title').fromFile(raw);
      return { collection: collection as ContentFile['collection'], locale, slug, data, body: String(body ?? '') };
    });
    const statuses = await translationStatuses(parsed, localeCodes, defaultLocale);
    behind = new Map();
    for (const status of statuses) {
      const key = `${status.collection}/${status.slug}`;
      behind.set(key, [...(behind.get(key) ?? []), ...(needsWork.includes(status.state) ? [status] : [])]);
    }
    label();
  });
}

function labelText(statuses: TranslationStatus[]): string {
  if (!statuses.length) return 'Translations current';
  return needsWork
    .map((state) => [state, statuses.filter((s) => s.state === state).map((s) => s.locale)] as const)
    .filter(([, locales]) => locales.length)
    .map(([state, locales]) => `${stateLabels[state]}: ${locales.join(', ')}`)
    .join(' · ');
}

const entryLink = /^#\/collections\/([^/]+)\/entries\/([^/?]+)$/;

function label() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#/collections/"]')) {
    const match = entryLink.exec(link.getAttribute('href') ?? '');
    const statuses = match && behind.get(`${match[1]}/${decodeURIComponent(match[2])}`);
    if (!statuses) continue;
    let element = link.querySelector<HTMLElement>('.translation-label');
    if (!element) {
      element = document.createElement('span');
      element.className = 'translation-label';
      link.append(element);
    }
    const text = labelText(statuses);
    if (element.textContent !== text) element.textContent = text;
    element.dataset.needsWork = String(statuses.length > 0);
  }
}

/** Labels every entry list Decap draws from now on. */
export function labelEntryLists(): void {
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      label();
    });
  }).observe(document.body, { childList: true, subtree: true });
}
