import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';
import { posterNumbers } from '../../src/posters/variants';
import { readHotlines } from '../../src/posters/content';

const ui = (locale: string) => JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8'));
const km = { ...ui('en'), ...ui('km') };
const region = new Intl.DisplayNames(['km'], { type: 'region' });

/** Filters the Khmer library to the Khmer posters with one country's numbers, as a reader would. */
async function filterKhmer(page: import('@playwright/test').Page, country: string) {
  await page.goto('/km/posters/');
  const language = page.getByRole('group', { name: km['poster.filter.language'] });
  await language.getByRole('radio', { name: 'ខ្មែរ' }).check();
  await page.getByRole('group', { name: km['poster.filter.country'] }).getByRole('radio', { name: region.of(country) }).check();
}

test('a Khmer reader filters the library to Khmer and Cambodia and downloads a PDF', async ({ page }) => {
  const numbers = posterNumbers(readHotlines(process.cwd()).get('KH')!);
  await filterKhmer(page, 'KH');
  const cards = page.locator('.poster-card:visible');
  if (!numbers) {
    // Cambodia's only hotline has not been checked: no poster carries it, and the page says why.
    await expect(cards).toHaveCount(0);
    await expect(page.locator('.poster-unbuilt li:visible')).toHaveText(km['poster.unbuilt'].replace('{country}', region.of('KH')));
    return;
  }
  await expect(cards.first()).toBeVisible();
  const download = page.waitForEvent('download');
  await cards.first().locator('[data-country="KH"]').getByRole('link', { name: km['poster.format.a4'] }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a Khmer reader in Thailand finds only Khmer posters with Thai numbers, and downloads one', async ({ page }) => {
  await filterKhmer(page, 'TH');
  const cards = page.locator('.poster-card:visible');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expect(card).toHaveAttribute('data-language', 'km');
    await expect(card.locator('[data-country]:visible')).toHaveCount(1);
    await expect(card.locator('[data-country]:visible')).toHaveAttribute('data-country', 'TH');
  }
  const link = cards.first().getByRole('link', { name: km['poster.format.a4'] });
  await expect(link).toHaveAttribute('href', /-km-th-a4\.pdf$/);
  const download = page.waitForEvent('download');
  await link.click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the library shows the reader\'s own language first, and every language on request', async ({ page }) => {
  await page.goto('/ar/posters/');
  const visible = page.locator('.poster-card:visible');
  await expect(visible.first()).toHaveAttribute('data-language', 'ar');
  const arabic = await visible.count();
  await page.getByRole('group', { name: ui('ar')['poster.filter.language'] }).getByRole('radio', { name: ui('ar')['poster.filter.all'] }).check();
  expect(await visible.count()).toBeGreaterThan(arabic);
});

test('a poster\'s page, where its QR code leads, shows its words, the numbers and the downloads', async ({ page }) => {
  await page.goto('/km/posters/false-job-offers/');
  const poster = parse(readFileSync('content/posters/km/false-job-offers.yaml', 'utf8'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(poster.headline);
  await expect(page.locator('.poster-downloads a[download]').first()).toHaveAttribute('href', /\.pdf$/);
  await expect(page.locator('.poster-preview')).toHaveAttribute('alt', poster.alt);
});

for (const path of ['/ar/posters/', '/km/posters/false-job-offers/']) {
  test(`${path} has no serious accessibility problem`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}
