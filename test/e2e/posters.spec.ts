import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';
import { posterNumbers } from '../../src/posters/variants';
import { readHotlines } from '../../src/posters/content';
import { readPosterManifest } from '../../src/posters/manifest';

const ui = (locale: string) => ({ ...JSON.parse(readFileSync('content/ui/en.json', 'utf8')), ...JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8')) });
const en = ui('en');
const km = ui('km');
const region = (locale: string) => new Intl.DisplayNames([locale], { type: 'region' });
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
/** pdftotext breaks Khmer lines and clusters with spaces; compare without any. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const headlines = (locale: string) =>
  readdirSync(`content/posters/${locale}`).map((f) => parse(readFileSync(`content/posters/${locale}/${f}`, 'utf8')).headline as string);

/** Downloads the A4 PDF of a poster card and returns the text printed in it. */
async function downloadA4(page: Page, card: Locator, t: Record<string, string>) {
  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: t['poster.format.a4'] }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return squeeze(pdftotext(file));
}

test('an educator filters the library to Khmer and Cambodia, and is told why there is no poster or downloads one', async ({ page }) => {
  await page.goto('/en/posters/');
  await page.getByRole('navigation', { name: en['poster.filter.language'] }).getByRole('link', { name: 'ខ្មែរ' }).click();
  await expect(page).toHaveURL(/\/en\/posters\/language\/km\/$/);
  const cambodia = region('en').of('KH')!;
  await page.getByRole('group', { name: en['poster.filter.country'] }).getByRole('radio', { name: cambodia }).check();
  const cards = page.locator('.poster-card:visible');
  const numbers = posterNumbers(readHotlines(process.cwd()).get('KH')!);
  if (!numbers) {
    // Cambodia's only hotline has not been checked: no poster carries it, and the page says why.
    // The next test downloads a real Khmer PDF (with another country's numbers) instead.
    await expect(cards).toHaveCount(0);
    await expect(page.locator('.poster-unbuilt li:visible')).toHaveText(en['poster.unbuilt'].replace('{country}', cambodia));
    return;
  }
  const card = cards.first();
  const headline = (await card.getByRole('heading', { level: 2 }).textContent())!;
  const text = await downloadA4(page, card.locator('[data-country="KH"]'), en);
  expect(text).toContain(squeeze(headline));
  expect(text).toContain(squeeze((numbers.hotline.phone ?? numbers.hotline.sms)!));
});

test('a Khmer reader abroad finds only Khmer posters with that country\'s numbers, and downloads a real Khmer PDF', async ({ page }) => {
  // The country of the first Khmer poster the build made: which countries have checked numbers
  // is content (content/hotlines/), not something this test should pin.
  const { country } = readPosterManifest(process.cwd())!.variants.find((v) => v.locale === 'km')!;
  await page.goto('/km/posters/');
  await expect(page.getByRole('navigation', { name: km['poster.filter.language'] }).getByRole('link', { name: 'ខ្មែរ' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('group', { name: km['poster.filter.country'] }).getByRole('radio', { name: region('km').of(country) }).check();
  const cards = page.locator('.poster-card:visible');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    expect(headlines('km')).toContain(await card.getByRole('heading', { level: 2 }).textContent());
    await expect(card.locator('[data-country]:visible')).toHaveCount(1);
    await expect(card.locator('[data-country]:visible')).toHaveAttribute('data-country', country);
  }
  const card = cards.first();
  await expect(card.getByRole('link', { name: km['poster.format.a4'] })).toHaveAttribute('href', new RegExp(`-km-${country.toLowerCase()}-a4\\.pdf$`));
  const text = await downloadA4(page, card, km);
  expect(text).toContain(squeeze((await card.getByRole('heading', { level: 2 }).textContent())!));
  const { hotline } = posterNumbers(readHotlines(process.cwd()).get(country)!)!;
  expect(text).toContain(squeeze((hotline.phone ?? hotline.sms)!));
});

test('the library opens in the reader\'s language, and lists another language\'s posters in the reader\'s words', async ({ page }) => {
  await page.goto('/ar/posters/');
  const titles = page.locator('.poster-card h2');
  expect(await titles.allTextContents()).toEqual(expect.arrayContaining(headlines('ar')));
  await page.getByRole('navigation', { name: ui('ar')['poster.filter.language'] }).getByRole('link', { name: 'ខ្មែរ' }).click();
  await expect(page).toHaveURL(/\/ar\/posters\/language\/km\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect((await titles.allTextContents()).sort()).toEqual(headlines('km').sort());
  await expect(page.locator('.poster-cards')).toHaveAttribute('lang', 'km');
  await expect(page.getByRole('link', { name: ui('ar')['poster.format.a4'] }).first()).toBeVisible();
});

test('a poster\'s page, where its QR code leads, shows its words, the numbers and the downloads', async ({ page }) => {
  await page.goto('/km/posters/false-job-offers/');
  const poster = parse(readFileSync('content/posters/km/false-job-offers.yaml', 'utf8'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(poster.headline);
  await expect(page.locator('.poster-downloads a[download]').first()).toHaveAttribute('href', /\.pdf$/);
  await expect(page.locator('.poster-preview')).toHaveAttribute('alt', poster.alt);
});

for (const path of ['/ar/posters/', '/km/posters/language/en/', '/km/posters/false-job-offers/']) {
  test(`${path} has no serious accessibility problem`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}
