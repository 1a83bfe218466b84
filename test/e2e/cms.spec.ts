import { test as base, expect, type Page } from '@playwright/test';
import { startCmsSite, type CmsSite } from './cms-site.ts';

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
  for (const name of ['Information pages', 'Materials', 'Campaigns', 'Hotlines', 'Site texts', 'SMS tip line']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Materials' }).click();
  await expect(page.getByText('Spot the fake job offer')).toBeVisible();
  expect(watch.otherOrigins).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
});
