import { test, expect } from './fixtures';

const EXIT = /Exit this page/;

test('the quick exit is the first thing the keyboard reaches', async ({ page }) => {
  await page.goto('/en/signs-of-trafficking/');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(EXIT);
});

test('the quick exit stays on screen while the reader scrolls, and nothing covers it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/en/how-recruiters-deceive/');
  await page.mouse.wheel(0, 4000);
  await page.waitForFunction(() => window.scrollY > 1000);
  const exit = page.getByRole('link', { name: EXIT });
  await expect(exit).toBeInViewport();
  const box = (await exit.boundingBox())!;
  const topElement = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-quick-exit]') !== null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(topElement).toBe(true);
});

test('the quick exit replaces the page, so Back does not return to it', async ({ page, thirdPartyRequests }) => {
  await page.goto('/en/');
  await page.goto('/en/get-help/');
  await page.getByRole('link', { name: EXIT }).click();
  await expect(page.locator('body')).toHaveText('Neutral page');
  expect(thirdPartyRequests[0]).toMatch(/^https:\/\/en\.wikipedia\.org\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('pressing Shift three times leaves too', async ({ page }) => {
  await page.goto('/ar/get-help/');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expect(page.locator('body')).toHaveText('Neutral page');
  await expect(page).toHaveURL(/^https:\/\/ar\.wikipedia\.org\//);
});

test('typing with Shift for capital letters does not leave', async ({ page }) => {
  await page.goto('/en/');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(/\/en\/$/);
});

test('a page makes no request to another origin and sets no cookie', async ({ page, context, thirdPartyRequests }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  for (const path of ['/', '/en/', '/km/get-help/', '/ar/cover-your-tracks/']) {
    await page.goto(path);
  }
  expect(thirdPartyRequests).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(violations).toEqual([]);
});

test('a content page is readable with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/th/safe-migration-checklist/');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('link', { name: /./ }).first()).toHaveAttribute('href', /wikipedia\.org/);
  await context.close();
});

test('printing hides the site controls and keeps the text', async ({ page }) => {
  await page.goto('/en/safe-migration-checklist/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.quick-exit')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('main h1')).toBeVisible();
});

test('the directory shows checked numbers with their evidence and never prints an unchecked one', async ({ page }) => {
  await page.goto('/en/get-help/');
  await expect(page.getByRole('link', { name: '1-888-373-7888' })).toHaveAttribute('href', 'tel:18883737888');
  const cambodia = page.locator('section.country', { has: page.getByRole('heading', { name: 'Cambodia' }) });
  // 117 has no check record: the reader is told to call the local emergency number instead.
  await expect(cambodia.getByRole('link', { name: '117' })).toHaveCount(0);
  await expect(cambodia).toContainText('Not yet verified: call your local emergency number.');
  await expect(cambodia).not.toContainText('1288');
  // 1280 was read on its publisher's page: shown, with a quiet line naming the page.
  await expect(cambodia.getByRole('link', { name: '1280' }).first()).toHaveAttribute('href', 'tel:1280');
  await expect(cambodia.locator('.provenance', { hasText: 'Checked against childhelplinecambodia.org on' })).toHaveCount(1);
  await expect(cambodia.getByRole('link', { name: 'childhelplinecambodia.org' })).toHaveAttribute('href', 'https://childhelplinecambodia.org/page/8');
});

test('hotline names and purposes are in the reader\'s language, English marked as English', async ({ page }) => {
  await page.goto('/th/get-help/');
  const thailand = page.locator('section.country', { has: page.locator('h3#country-TH') });
  await expect(thailand.locator('.hotline__name')).toContainText('ศูนย์ช่วยเหลือสังคม');
  const uk = page.locator('section.country', { has: page.locator('h3#country-GB') });
  await expect(uk.locator('.hotline__name strong')).toHaveAttribute('lang', 'en');
});

