import { test, expect, untranslatedText } from './fixtures';

test('switching language keeps the reader on the same page', async ({ page }) => {
  await page.goto('/en/signs-of-trafficking/');
  await page.locator('.language-switcher summary').click();
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/ar\/signs-of-trafficking\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('Arabic pages read right to left and the layout mirrors', async ({ page }) => {
  await page.goto('/ar/what-is-trafficking/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const viewport = page.viewportSize()!;
  // The exit control sits at the inline end: the left edge in a right-to-left page.
  const exit = await page.getByRole('link', { name: /./ }).first().boundingBox();
  expect(exit!.x + exit!.width).toBeLessThan(viewport.width / 2);
  const heading = await page.locator('h1').boundingBox();
  expect(heading!.x + heading!.width).toBeGreaterThan(viewport.width / 2);
});

test('every page names its translations for search engines', async ({ page }) => {
  await page.goto('/fr/get-help/');
  const hreflangs = await page.locator('link[rel="alternate"]').evaluateAll((links) =>
    links.map((l) => l.getAttribute('hreflang')),
  );
  expect(hreflangs).toEqual(expect.arrayContaining(['en', 'fr', 'ar', 'km', 'x-default']));
});

test('a page not yet translated shows the English text with a notice in the reader\'s language', async ({ page }) => {
  const { path, title } = untranslatedText('km');
  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  const notice = page.locator('.fallback-notice');
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('not yet available');
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article h1')).toHaveText(title);
});

test('a translated page shows no fallback notice', async ({ page }) => {
  await page.goto('/fr/about/');
  await expect(page.locator('.fallback-notice')).toHaveCount(0);
});

test('an unknown address shows a 404 in the reader\'s language', async ({ page }) => {
  const response = await page.goto('/vi/no-such-page/');
  expect(response!.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('link', { name: /./ }).first()).toBeVisible();
});

test('the language picker at / offers every language, each in its own words', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  for (const name of ['English', 'Français', 'Español', 'Русский', 'العربية', 'ไทย', 'Tiếng Việt', 'ខ្មែរ']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await context.close();
});

test('a browser set to Thai goes straight to the Thai site', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, locale: 'th-TH' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/th\/$/);
  await context.close();
});
