import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Stands in for the neutral site the quick exit leaves for: the tests never reach the internet. */
export const NEUTRAL_PAGE = '<!doctype html><title>Neutral page</title><p>Neutral page</p>';

export const test = base.extend<{ thirdPartyRequests: string[] }>({
  baseURL: async ({}, use) => use(process.env.SITE_URL),
  // Every request to another origin is recorded and answered locally, so a test can assert none
  // was made by the site and the quick exit has somewhere to land.
  thirdPartyRequests: [async ({ page, baseURL }, use) => {
    const seen: string[] = [];
    const origin = new URL(baseURL!).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      seen.push(url);
      return route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL_PAGE });
    });
    await use(seen);
  }, { auto: true }],
});

export { expect };

/** axe-core's WCAG 2.x A and AA rules; serious and critical findings fail the test. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/**
 * A page or material that `locale` has no text for yet, so its URL serves the English fallback,
 * with its English title; `containing` picks one whose English text has that string. Fails,
 * saying so, once the locale has translated every such text.
 */
export function untranslatedText(locale: string, containing = ''): { path: string; title: string } {
  for (const [folder, prefix] of [['pages', ''], ['materials', 'materials/']]) {
    for (const file of readdirSync(`content/${folder}/en`)) {
      const english = readFileSync(`content/${folder}/en/${file}`, 'utf8');
      if (existsSync(`content/${folder}/${locale}/${file}`) || !english.includes(containing)) continue;
      return { path: `/${locale}/${prefix}${file.replace(/\.mdx$/, '')}/`, title: parse(english.split('---')[1]).title };
    }
  }
  throw new Error(`${locale} has translated every text${containing && ` with ${containing}`}: test the fallback with a fixture instead`);
}
