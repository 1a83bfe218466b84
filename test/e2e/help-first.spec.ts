import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';

// What a reader in danger sees on a 360x740 phone: a number to call for their country, on the
// first screen, in one tap.
test.use({ viewport: { width: 360, height: 740 } });

const ui = (locale: string) => JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8'));
const hotlines = (country: string) => parse(readFileSync(`content/hotlines/${country}.yaml`, 'utf8'));

/** The tel: links a reader of this country may be offered first: its emergency number and checked hotlines. */
function countryTelLinks(country: string): string[] {
  const data = hotlines(country);
  const checked = (n: { checks?: unknown[] }) => (n.checks ?? []).length > 0;
  const numbers = [
    ...(checked(data.emergency) ? [data.emergency.number] : []),
    ...data.hotlines.filter(checked).map((h: { phone?: string }) => h.phone),
  ];
  return numbers.filter(Boolean).map((n: string) => `tel:${n.replace(/[^0-9+]/g, '')}`);
}

async function firstScreenTelLink(page: Page, allowed: string[]) {
  const links = page.locator('main a[href^="tel:"]');
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    if (!allowed.includes((await link.getAttribute('href'))!)) continue;
    const box = (await link.boundingBox())!;
    if (box.y >= 0 && box.y + box.height <= 740) return { link, box };
  }
  return undefined;
}

for (const [locale, country] of [['km', 'kh'], ['th', 'th'], ['vi', 'vn']]) {
  for (const path of [`/${locale}/`, `/${locale}/get-help/`]) {
    test(`${path} puts a number to call in ${country.toUpperCase()} on the first screen`, async ({ page }) => {
      await page.goto(path);
      const found = await firstScreenTelLink(page, countryTelLinks(country));
      expect(found, `no tel: link for ${country} fully inside 360x740 on ${path}`).toBeDefined();
      expect(found!.box.height).toBeGreaterThanOrEqual(44);
      expect(found!.box.width).toBeGreaterThanOrEqual(44);
      // The number reads left to right whatever the page's direction.
      await expect(found!.link.locator('bdi[dir="ltr"]')).toHaveCount(1);
    });
  }
}

test('an Arabic reader chooses a country and gets its numbers, with the digits kept in order', async ({ page }) => {
  await page.goto('/ar/');
  await page.locator('.help-first').getByRole('link', { name: 'المملكة المتحدة' }).click();
  await expect(page).toHaveURL(/\/ar\/get-help\/gb\/$/);
  const call = page.locator('.help-first a[href="tel:08000121700"]');
  await expect(call).toBeInViewport({ ratio: 1 });
  await expect(call.locator('bdi[dir="ltr"]')).toHaveText('08000 121 700');
});

test('every page offers Get help and the emergency number in its header', async ({ page }) => {
  await page.goto('/th/signs-of-trafficking/');
  const nav = page.locator('.site-nav');
  await expect(nav.getByRole('link', { name: ui('th')['nav.getHelp'] })).toHaveAttribute('href', '/th/get-help/');
  await expect(nav.locator('a[href="tel:191"]')).toBeInViewport();
});

test('the country chooser works with JavaScript off and remembers nothing on the phone', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/vi/get-help/');
  await page.getByText(ui('vi')['help.changeCountry']).click();
  await page.locator('.country-list').getByRole('link', { name: 'Thái Lan' }).click();
  await expect(page).toHaveURL(/\/vi\/get-help\/th\/$/);
  await expect(page.locator('.help-first a[href="tel:191"]')).toBeInViewport({ ratio: 1 });
  // The header's Get help keeps the chosen country; the home page does not know it.
  await expect(page.locator('.site-nav .help-link')).toHaveAttribute('href', '/vi/get-help/th/');
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('a number nobody has checked is never a button', async ({ page }) => {
  // Cambodia's 117 and 1288 have no check record; its child helpline 1280 has one.
  await page.goto('/km/get-help/');
  await expect(page.locator('.help-first a[href="tel:1280"]')).toBeVisible();
  await expect(page.locator('.help-first a[href="tel:117"]')).toHaveCount(0);
  await expect(page.locator('.help-first')).not.toContainText('1288');
});

test('without a tip-line number the site does not mention the SMS line', async ({ page }) => {
  await page.goto('/en/get-help/us/');
  await expect(page.locator('.tipline')).toHaveCount(0);
});

for (const locale of ['en', 'fr', 'es', 'ru', 'ar', 'th', 'vi', 'km']) {
  test(`the phone header in ${locale} is at most 100 px tall and the exit covers no text`, async ({ page }) => {
    await page.goto(`/${locale}/safe-migration-checklist/`);
    const navBottom = await page.locator('.site-nav').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(navBottom).toBeLessThanOrEqual(100);
    // The exit has its own band at the top: the text scrolls under the band, never under the button alone.
    const exit = (await page.locator('[data-quick-exit]').boundingBox())!;
    const band = (await page.locator('.site-header').boundingBox())!;
    expect(exit.y + exit.height).toBeLessThanOrEqual(band.y + band.height);
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => window.scrollY > 500);
    const bandAfter = (await page.locator('.site-header').boundingBox())!;
    expect(bandAfter.y).toBe(0);
    const background = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
  });
}

// One page of every type.
const samples = [
  '/', '/LOCALE/', '/LOCALE/signs-of-trafficking/', '/LOCALE/get-help/', '/LOCALE/get-help/th/', '/LOCALE/about/',
  '/LOCALE/materials/spot-the-fake-job-offer/', '/LOCALE/materials/anas-story-domestic-work/',
  '/LOCALE/campaigns/', '/LOCALE/campaigns/fair-work-here/', '/LOCALE/audiences/schools/', '/LOCALE/topics/signs/',
  '/LOCALE/posters/', '/LOCALE/search/?q=passport', '/LOCALE/no-such-page/',
];
// vi and ru have the longest labels in a material's or campaign's facts.
for (const locale of ['en', 'ar', 'km', 'vi', 'ru']) {
  test(`no page in ${locale} scrolls sideways on a 360 px phone`, async ({ page }) => {
    const wide: string[] = [];
    for (const sample of samples) {
      await page.goto(sample.replace('LOCALE', locale));
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${sample}: ${scroll}px`);
    }
    expect(wide).toEqual([]);
  });
}

for (const path of ['/km/', '/ar/get-help/jo/', '/en/get-help/', '/vi/get-help/th/']) {
  test(`${path} on a phone has no serious accessibility problem`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}
