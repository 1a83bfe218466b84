import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { materialSchema } from '../../src/schemas/material.ts';
import { countryHotlinesSchema } from '../../src/schemas/hotline.ts';
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
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByText('Entry saved')).toBeVisible();

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
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByText('Entry saved')).toBeVisible();

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
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByText('Entry saved')).toBeVisible();

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
