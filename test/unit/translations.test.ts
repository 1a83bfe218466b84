import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceFingerprint, translatableText } from '../../src/i18n/fingerprint';
import { stampTranslatedFrom, translationStatuses, type ContentFile } from '../../src/i18n/translation-status';

const run = promisify(execFile);
const page = { title: 'Get help', description: 'Where to call.', order: 7, updated: '2026-11-23', audiences: ['communities'] };
const body = '\nCall a hotline.\n\n## Safety\n\nKeep your notes safe.\n';

describe('the fingerprint of an English text', () => {
  it('is 12 hex digits, and the same in every run', async () => {
    const first = await sourceFingerprint('pages', page, body);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(await sourceFingerprint('pages', { ...page }, body)).toBe(first);
  });

  it('changes when a word of the body or a translated field changes', async () => {
    const before = await sourceFingerprint('pages', page, body);
    expect(await sourceFingerprint('pages', page, body.replace('safe', 'hidden'))).not.toBe(before);
    expect(await sourceFingerprint('pages', { ...page, title: 'Get help now' }, body)).not.toBe(before);
  });

  it('ignores what a translator does not translate: dates, order, audiences, line endings', async () => {
    const before = await sourceFingerprint('pages', page, body);
    const shared = { ...page, order: 2, updated: '2027-01-01', audiences: ['schools'] };
    expect(await sourceFingerprint('pages', shared, body.replaceAll('\n', '\r\n').replace('help', 'help   '))).toBe(before);
  });

  it('counts a missing list and an empty one the same, as the schema does', () => {
    const material = { title: 'T', summary: 'S', objectives: ['O'] };
    expect(translatableText('materials', material, '')).toBe(translatableText('materials', { ...material, needs: [] }, ''));
  });
});

describe('translation status', () => {
  const file = (locale: string, data: Record<string, unknown>, text = body): ContentFile => ({
    collection: 'pages', locale, slug: 'get-help', data, body: text,
  });

  it('tells current, stale, unstamped and missing translations apart', async () => {
    const current = await sourceFingerprint('pages', page, body);
    const older = await sourceFingerprint('pages', page, 'An older English text.');
    const files = [file('en', page), file('fr', { ...page, translatedFrom: current }), file('es', { ...page, translatedFrom: older }), file('ru', page)];
    const states = Object.fromEntries(
      (await translationStatuses(files, ['en', 'fr', 'es', 'ru', 'km'])).map((s) => [s.locale, s.state]),
    );
    expect(states).toEqual({ fr: 'current', es: 'stale', ru: 'unstamped', km: 'missing' });
  });

  it('stamps a file by adding or replacing one frontmatter line, leaving the rest as written', () => {
    const source = '---\ntitle: "Obtenir de l’aide"\norder: 7 # comment kept\n---\n\nAppelez.\n';
    const once = stampTranslatedFrom(source, 'aaaaaaaaaaaa');
    expect(once).toBe('---\ntitle: "Obtenir de l’aide"\norder: 7 # comment kept\ntranslatedFrom: aaaaaaaaaaaa\n---\n\nAppelez.\n');
    expect(stampTranslatedFrom(once, 'bbbbbbbbbbbb')).toBe(once.replace('aaaaaaaaaaaa', 'bbbbbbbbbbbb'));
  });
});

describe('npm run translations', () => {
  const script = resolve('scripts/translations.ts');
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'translations-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const translations = (dir: string, ...args: string[]) => run(process.execPath, [script, ...args], { cwd: dir });

  it('marks a translation as made from the English as it is now, and reports it stale once the English changes', async () => {
    const english = '---\ntitle: Get help\ndescription: Where to call when you need help.\n---\n\nCall a hotline.\n';
    const dir = project({
      'content/pages/en/get-help.mdx': english,
      'content/pages/fr/get-help.mdx': '---\ntitle: Obtenir de l’aide\ndescription: Où appeler quand vous avez besoin d’aide.\n---\n\nAppelez.\n',
    });
    expect((await translations(dir, 'fr')).stdout).toMatch(/unstamped pages\/get-help/);

    const { stdout } = await translations(dir, '--mark', 'fr/pages/get-help');
    expect(stdout).toMatch(/content\/pages\/fr\/get-help\.mdx: translatedFrom [0-9a-f]{12}/);
    expect(readFileSync(join(dir, 'content/pages/fr/get-help.mdx'), 'utf8')).toMatch(/^translatedFrom: [0-9a-f]{12}$/m);
    expect((await translations(dir, 'fr')).stdout).toMatch(/fr: 1 of 1 current, 0 stale, 0 unstamped, 0 missing/);

    writeFileSync(join(dir, 'content/pages/en/get-help.mdx'), english.replace('Call a hotline.', 'Call or text a hotline.'));
    expect((await translations(dir, 'fr')).stdout).toMatch(/stale\s+pages\/get-help/);
  });

  it('refuses to mark an English file or one that does not exist, saying why', async () => {
    const dir = project({ 'content/pages/en/get-help.mdx': '---\ntitle: Get help\n---\n\nCall.\n' });
    await expect(translations(dir, '--mark', 'en/pages/get-help')).rejects.toMatchObject({ stderr: /start with a translation's locale/ });
    await expect(translations(dir, '--mark', 'km/pages/get-help')).rejects.toMatchObject({ stderr: /content\/pages\/km\/get-help\.mdx does not exist/ });
  });
});

describe('the translations in content/', () => {
  it('each say which English version they were made from', async () => {
    const { stdout } = await run(process.execPath, [resolve('scripts/translations.ts')]);
    expect(stdout.split('\n').filter((line) => line.includes('unstamped '))).toEqual([]);
  });
});
