import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Stands in for the neutral site the quick exit leaves for: the tests never reach the internet. */
export const NEUTRAL_PAGE = '<!doctype html><title>Neutral page</title><p>Neutral page</p>';

export const test = base.extend<{ thirdPartyRequests: string[] }>({
  baseURL: async ({}, use) => use(process.env.SITE_URL),
  // Every request to another origin is recorded and answered locally, so a test can assert none
  // was made by the site and the quick exit has somewhere to land.
  thirdPartyRequests: [async ({ page }, use) => {
    const seen: string[] = [];
    const origin = new URL(process.env.SITE_URL!).origin;
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
