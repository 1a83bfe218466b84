import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { materialSchema } from '../../src/schemas/material.ts';
import { countryHotlinesSchema } from '../../src/schemas/hotline.ts';
import { publisherSchema } from '../../src/schemas/publisher.ts';
import { sourceFingerprint } from '../../src/i18n/fingerprint.ts';
import { readContentFile } from '../../src/i18n/translation-files.ts';
import { startCmsSite, type CmsSite } from './cms-site.ts';
import { buildCopy as build } from '../site-copy.ts';

/**
 * The real Decap UI in Chromium, in local mode against decap-server over a scratch copy of the
 * project. Every request to another origin is recorded and refused; every console message that
 * mentions the Content-Security-Policy is recorded.
 */
const test = base.extend<{ watch: { otherOrigins: string[]; cspViolations: string[] } }, { site: CmsSite }>({
  site: [async ({}, use) => {
    const site = await startCmsSite();
    await use(site);
    await site.stop();
  }, { scope: 'worker' }],
  baseURL: async ({ site }, use) => use(site.url),
  watch: [async ({ page, site }, use) => {
    const seen = { otherOrigins: [] as string[], cspViolations: [] as string[] };
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === site.url) return route.continue();
      seen.otherOrigins.push(url);
      return route.abort();
    });
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) seen.cspViolations.push(m.text()); });
    page.on('pageerror', (e) => { if (/Content.Security.Policy/i.test(e.message)) seen.cspViolations.push(e.message); });
    await use(seen);
  }, { auto: true }],
});

/** Publishes the entry being edited; an earlier save's note may still be showing, the toolbar's state is not. */
async function publish(page: Page) {
  await expect(page.getByText(/unsaved changes/i)).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByText('Entry saved').first()).toBeVisible();
  await expect(page.getByText(/^changes saved$/i)).toBeVisible();
}

async function logIn(page: Page) {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible();
}

test('/admin/ opens every collection in local mode, with no request to another origin and no CSP violation', async ({ page, watch }) => {
  await logIn(page);
  for (const name of ['Information pages', 'Materials', 'Campaigns', 'Posters', 'Hotlines', 'Site texts', 'SMS tip line', 'Publisher']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Materials' }).click();
  await expect(page.getByText('Spot the fake job offer')).toBeVisible();
  expect(watch.otherOrigins).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
});

test('an Arabic page previews right to left, in the site’s style', async ({ page }) => {
  await logIn(page);
  await page.goto('/admin/#/collections/pages/entries/get-help');
  await page.getByRole('button', { name: 'Writing in EN' }).first().click();
  await page.getByRole('menuitem', { name: 'AR' }).click();
  await page.getByRole('button', { name: 'Toggle preview' }).click();
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(preview.locator('h1')).toHaveText(/.+/);
  const heading = preview.locator('h1');
  expect(await heading.evaluate((h) => getComputedStyle(h).direction)).toBe('rtl');
});

test('a Khmer page previews with the site’s spacing for Khmer script', async ({ page }) => {
  await logIn(page);
  await page.goto('/admin/#/collections/pages/entries/get-help');
  await page.getByRole('button', { name: 'Writing in EN' }).first().click();
  await page.getByRole('menuitem', { name: 'KM' }).click();
  await page.getByRole('button', { name: 'Toggle preview' }).click();
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'km');
  await expect(preview.locator('html')).toHaveAttribute('dir', 'ltr');
  // Khmer's stacked vowels and subscripts need the taller lines the site gives them (global.css).
  const paragraph = preview.locator('article p').first();
  await expect(paragraph).toHaveText(/[\u1780-\u17FF]/);
  const { lineHeight, fontSize } = await paragraph.evaluate((p) => getComputedStyle(p));
  expect(parseFloat(lineHeight) / parseFloat(fontSize)).toBeCloseTo(1.9, 1);
});

test('a new material written in English and French is saved as two files the build accepts', async ({ page, site }) => {
  test.setTimeout(240_000);
  await logIn(page);
  await page.goto('/admin/#/collections/materials/new');
  const [en, fr] = [0, 1];
  const text = (label: string, pane: number, value: string) => page.getByLabel(label, { exact: true }).nth(pane).fill(value);
  const choose = async (label: string, ...options: string[]) => {
    for (const option of options) {
      await page.getByLabel(label, { exact: true }).first().fill(option);
      await page.keyboard.press('Enter');
    }
  };
  await text('Title', en, 'Safe jobs quiz');
  await text('Summary', en, 'Young people answer ten questions about job offers and learn which answers keep them safe.');
  await choose('Audience', 'schools');
  await choose('Format', 'classroom-activity');
  await choose('Topics', 'recruitment', 'signs');
  await text('Min', en, '12');
  await text('Max', en, '15');
  await text('Duration', en, '30');
  for (const [pane, objective] of [[en, 'Name three questions to ask about a job offer.'], [fr, 'Citer trois questions à poser sur une offre d’emploi.']] as const) {
    await page.getByRole('button', { name: /Add objectives/i }).nth(pane).click();
    await text('Objectives', pane, objective);
    await page.getByRole('button', { name: 'Set reviewed to now' }).nth(pane).click();
  }
  await text('Title', fr, 'Quiz : un travail sans danger');
  await text('Summary', fr, 'Les jeunes répondent à dix questions sur les offres d’emploi et apprennent quelles réponses les protègent.');
  for (const [pane, body] of [[en, 'Read each question aloud.'], [fr, 'Lisez chaque question à voix haute.']] as const) {
    await page.locator('[data-slate-editor="true"]').nth(pane).click();
    await page.keyboard.type(body);
  }
  await publish(page);

  const saved = readFileSync(join(site.dir, 'content/materials/fr/safe-jobs-quiz.mdx'), 'utf8');
  const [, frontmatter, body] = saved.split(/^---$/m);
  expect(materialSchema.safeParse(parse(frontmatter)).error).toBeUndefined();
  expect(body.trim()).toBe('Lisez chaque question à voix haute.');
  expect(existsSync(join(site.dir, 'content/materials/en/safe-jobs-quiz.mdx'))).toBe(true);
  // Locales nobody wrote in get no file, not even with the shared fields copied from English.
  expect(existsSync(join(site.dir, 'content/materials/ar/safe-jobs-quiz.mdx'))).toBe(false);
  await build(site.dir);
  const html = readFileSync(join(site.dir, 'dist/fr/materials/safe-jobs-quiz/index.html'), 'utf8');
  expect(html).toContain('Quiz : un travail sans danger');
});

test('a hotline number changed in the CMS is on the Get help page after a build', async ({ page, site }) => {
  test.setTimeout(240_000);
  await logIn(page);
  await page.goto('/admin/#/collections/hotlines/entries/th');
  const number = page.getByLabel('Number', { exact: true });
  await expect(number).toHaveValue('191');
  await number.fill('1191');
  await publish(page);

  const saved = parse(readFileSync(join(site.dir, 'content/hotlines/th.yaml'), 'utf8'));
  expect(countryHotlinesSchema.safeParse(saved).error).toBeUndefined();
  expect(saved.emergency.number).toBe('1191');
  await build(site.dir);
  const getHelp = readFileSync(join(site.dir, 'dist/th/get-help/index.html'), 'utf8');
  expect(getHelp).toContain('href="tel:1191"');
});

test('a material opened, edited and saved keeps its MDX components, and the site still renders them', async ({ page, site }) => {
  test.setTimeout(240_000);
  const file = join(site.dir, 'content/materials/en/spot-the-fake-job-offer.mdx');
  const components = (text: string) =>
    Object.fromEntries(['Callout', 'Steps', 'Step', 'Questions', 'GetHelpBox', 'Term', 'Handout'].map((c) => [c, text.match(new RegExp(`<${c}[ >]`, 'g'))?.length ?? 0]));
  const before = components(readFileSync(file, 'utf8'));
  await logIn(page);
  await page.goto('/admin/#/collections/materials/entries/spot-the-fake-job-offer');
  // An edit in the text makes Decap write the whole body again from its editor.
  const paragraph = page.locator('[data-slate-editor="true"]').first().getByText('Many people who are trafficked first hear');
  await paragraph.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Home');
  // Slate follows the browser's caret a moment later: keys typed before then land partly at the old caret.
  // Wait for the caret at the start of the paragraph, then insert the words as one input.
  await page.waitForFunction(() => {
    const selection = document.getSelection();
    return selection?.isCollapsed && selection.anchorOffset === 0 && selection.anchorNode?.textContent?.includes('Many people who are trafficked first hear');
  });
  await page.keyboard.insertText('Read this first. ');
  await expect(paragraph).toContainText('Read this first. Many people who are trafficked first hear');
  await publish(page);

  const saved = readFileSync(file, 'utf8');
  expect(saved).toContain('Read this first. Many people who are trafficked first hear');
  expect(components(saved)).toEqual(before);
  expect(saved).not.toMatch(/\\<|&lt;(Callout|Step|Term|Handout)/);
  await build(site.dir);
  const html = readFileSync(join(site.dir, 'dist/en/materials/spot-the-fake-job-offer/index.html'), 'utf8');
  expect(html.match(/class="step"/g)).toHaveLength(before.Step);
  for (const rendered of ['class="steps"', 'class="callout callout--', 'class="questions"', 'class="handout"', '<dfn>', 'class="get-help-box"']) {
    expect(html, rendered).toContain(rendered);
  }
});

test('an English text changed in the CMS shows its translations as behind, in the list, the editor and the report, until one is marked current', async ({ page, site }) => {
  test.setTimeout(240_000);
  const card = page.getByRole('link', { name: /^Signs of trafficking/ });
  const label = card.locator('.translation-label');
  const reportRow = (locale: string) => page.locator(`#${locale} tr`, { hasText: 'Signs of trafficking' });
  await logIn(page);
  await page.goto('/admin/#/collections/pages');
  await expect(label).toHaveText('Translations current');

  await page.goto('/admin/#/collections/pages/entries/signs-of-trafficking');
  const description = page.getByLabel('Description', { exact: true }).first();
  await expect(description).toHaveValue(/^Warning signs/);
  await description.fill('Warning signs that you or someone close to you may be trapped, and what you can safely do if you notice them.');
  // The English column tells at once that every translation is now behind the English being edited.
  await expect(page.locator('.translation-states [data-locale="fr"]')).toHaveText('Français (fr): Behind the English');
  await publish(page);
  await page.goto('/admin/#/collections/pages');
  await expect(label).toHaveText('Behind the English: fr, es, ru, ar, th, vi, km');
  await page.goto('/admin/translations/');
  await expect(reportRow('fr')).toContainText('Behind the English');

  // A translator checks the French against the new English and marks it current.
  await page.goto('/admin/#/collections/pages/entries/signs-of-trafficking');
  await expect(page.getByText('Behind the English. The English has changed since this translation was made.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as current' }).click();
  await expect(page.getByText('Current. This translation was made from the English as it is now.')).toBeVisible();
  await publish(page);

  const english = readContentFile(site.dir, 'pages', 'en', 'signs-of-trafficking');
  const french = readContentFile(site.dir, 'pages', 'fr', 'signs-of-trafficking');
  expect(french.data.translatedFrom).toBe(await sourceFingerprint('pages', english.data, english.body));
  expect(readContentFile(site.dir, 'pages', 'es', 'signs-of-trafficking').data.translatedFrom).not.toBe(french.data.translatedFrom);
  await page.goto('/admin/#/collections/pages');
  await expect(label).toHaveText('Behind the English: es, ru, ar, th, vi, km');
  await page.goto('/admin/translations/');
  await expect(reportRow('fr')).toHaveCount(0);
  await expect(reportRow('es')).toContainText('Behind the English');
});

test('a site text, the SMS line’s delete word and the publisher changed in the CMS are on the site after a build', async ({ page, site }) => {
  test.setTimeout(300_000);
  const json = (file: string) => JSON.parse(readFileSync(join(site.dir, file), 'utf8'));
  const frenchBefore = json('content/ui/fr.json');
  await logIn(page);

  // A key with dots is one field of the file, not a path into it; a French text may be left empty (optional): it falls back to English.
  await page.goto('/admin/#/collections/ui/entries/fr');
  const siteName = page.getByLabel('site.name (optional)', { exact: true });
  await expect(siteName).toHaveValue('Partir en sécurité');
  await siteName.fill('Voyager en sécurité');
  await page.getByLabel('site.tagline (optional)', { exact: true }).fill('');
  await publish(page);
  const { 'site.tagline': _emptied, ...kept } = frenchBefore;
  expect(json('content/ui/fr.json')).toEqual({ ...kept, 'site.name': 'Voyager en sécurité' });

  // The first of the Khmer delete words is the one Get help tells readers to send.
  // From the collection's list, as staff go: a jump from one file collection's entry straight to
  // another's leaves Decap's editor with empty fields.
  await page.goto('/admin/#/collections/tipline');
  await page.getByRole('link', { name: 'ខ្មែរ (km)' }).click();
  const deleteWord = page.locator('input[value="លុប"]');
  await expect(deleteWord).toHaveCount(1);
  await deleteWord.fill('លុបទាំងអស់');
  await publish(page);
  expect(json('content/tipline/km.json').keywords.delete[0]).toBe('លុបទាំងអស់');

  await page.goto('/admin/#/collections/site');
  await page.getByRole('link', { name: 'Who publishes the site' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Contact (optional)', { exact: true }).fill('/en/about/');
  await page.getByLabel('Tipline operator (optional)', { exact: true }).fill('Community Help Line');
  await publish(page);
  expect(publisherSchema.parse(parse(readFileSync(join(site.dir, 'content/site/publisher.yaml'), 'utf8')))).toMatchObject({ contact: '/en/about/', tiplineOperator: 'Community Help Line' });

  await build(site.dir, { env: { PUBLIC_TIPLINE_SMS: '+44 7700 900123' } });
  const dist = (file: string) => readFileSync(join(site.dir, 'dist', file), 'utf8');
  expect(dist('fr/index.html')).toContain('Voyager en sécurité');
  expect(dist('fr/index.html')).toContain(`<meta name="description" content="${json('content/ui/en.json')['site.tagline']}"`);
  expect(dist('km/get-help/index.html')).toContain('ផ្ញើពាក្យ លុបទាំងអស់');
  expect(dist('en/about/index.html')).toContain('Community Help Line');
  expect(dist('en/index.html')).toMatch(/Published by [^<]* · <a href="\/en\/about\/">/);
});

test('a check of a hotline number recorded in the CMS is saved with the number, and the build accepts it', async ({ page, site }) => {
  test.setTimeout(240_000);
  // Cambodia: the test of a changed number works on Thailand in the same copy.
  const file = join(site.dir, 'content/hotlines/kh.yaml');
  const before = parse(readFileSync(file, 'utf8')).emergency;
  await logIn(page);
  await page.goto('/admin/#/collections/hotlines');
  await page.getByRole('link', { name: /Cambodia/ }).click();
  await expect(page.getByLabel('Number', { exact: true })).toHaveValue(before.number);
  // The earlier checks are folded away: the boxes to fill are the new check's, the visible ones.
  const newCheck = (label: string) => page.getByLabel(label, { exact: true }).filter({ visible: true });
  await page.getByRole('button', { name: 'Add checks' }).first().click();
  await page.getByRole('button', { name: 'Set date to now' }).click();
  await newCheck('Method').fill('called');
  await page.keyboard.press('Enter');
  await newCheck('Source').fill('https://www.police.gov.kh/emergency-numbers');
  await newCheck('By').fill('Hotline desk, Phnom Penh office');
  await publish(page);

  const saved = countryHotlinesSchema.parse(parse(readFileSync(file, 'utf8')));
  expect(saved.emergency.number).toBe(before.number);
  expect(saved.emergency.checks).toHaveLength((before.checks ?? []).length + 1);
  expect(saved.emergency.checks.at(-1)).toMatchObject({ method: 'called', by: 'Hotline desk, Phnom Penh office', source: 'https://www.police.gov.kh/emergency-numbers' });
  await build(site.dir);
});
