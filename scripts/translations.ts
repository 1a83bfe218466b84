/**
 * npm run translations — which translations of the English pages, materials and campaigns are
 * missing, behind the English (stale) or unstamped, per locale.
 * npm run translations -- --mark fr/pages/get-help [--mark …] — records that a translation was made
 * from the English text as it is now (its frontmatter's `translatedFrom`). Run it when you finish
 * a translation or bring one up to date, never on a translation you have not checked.
 * Reads content/ under the current directory.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultLocale, isLocale, localeCodes } from '../src/i18n/locales.ts';
import { localizedCollections, sourceFingerprint, type LocalizedCollection } from '../src/i18n/fingerprint.ts';
import { stampTranslatedFrom, translationStatuses } from '../src/i18n/translation-status.ts';
import { contentPath as pathOf, readContentFile, readContentFiles } from '../src/i18n/translation-files.ts';

const root = process.cwd();

async function mark(target: string): Promise<string> {
  const [locale, collection, slug] = target.split('/');
  if (!isLocale(locale) || locale === defaultLocale) {
    throw new Error(`${target}: start with a translation's locale (${localeCodes.filter((l) => l !== defaultLocale).join(', ')})`);
  }
  if (!(localizedCollections as string[]).includes(collection) || !slug) {
    throw new Error(`${target}: write <locale>/<collection>/<slug>, the collection one of ${localizedCollections.join(', ')}`);
  }
  const file = pathOf(collection, locale, slug);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (!existsSync(pathOf(collection, defaultLocale, slug))) throw new Error(`${pathOf(collection, defaultLocale, slug)} does not exist`);
  const english = readContentFile(root, collection as LocalizedCollection, defaultLocale, slug);
  const fingerprint = await sourceFingerprint(english.collection, english.data, english.body);
  writeFileSync(file, stampTranslatedFrom(readFileSync(file, 'utf8'), fingerprint));
  return `${file}: translatedFrom ${fingerprint}`;
}

async function report(locales: string[]): Promise<string> {
  const statuses = await translationStatuses(readContentFiles(root), localeCodes);
  const lines = [
    'Translations against the English text as it is now.',
    'stale: the English changed after the translation was made; unstamped: the translation does not say',
    'which English it was made from (npm run translations -- --mark <locale>/<collection>/<slug>).',
  ];
  for (const locale of locales) {
    const own = statuses.filter((s) => s.locale === locale);
    const count = (state: string) => own.filter((s) => s.state === state).length;
    lines.push(
      '',
      `${locale}: ${count('current')} of ${own.length} current, ${count('stale')} stale, ` +
        `${count('unstamped')} unstamped, ${count('missing')} missing`,
    );
    for (const state of ['stale', 'unstamped', 'missing']) {
      for (const s of own.filter((s) => s.state === state)) lines.push(`  ${state.padEnd(9)} ${s.collection}/${s.slug}`);
    }
  }
  return lines.join('\n');
}

const { values, positionals } = parseArgs({ options: { mark: { type: 'string', multiple: true } }, allowPositionals: true });
try {
  if (values.mark) {
    for (const target of values.mark) console.log(await mark(target));
  } else {
    const unknown = positionals.filter((p) => !isLocale(p));
    if (unknown.length) throw new Error(`not a locale: ${unknown.join(', ')}`);
    const others = localeCodes.filter((l) => l !== defaultLocale);
    console.log(await report(positionals.length ? positionals : others));
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
