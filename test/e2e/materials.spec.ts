import { readFileSync } from 'node:fs';
import { test, expect, expectNoSeriousA11yViolations } from './fixtures';

const ui = (locale: string) => JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8'));

for (const locale of ['en', 'ar']) {
  test(`a teacher in ${locale} reaches a lesson plan from the home page in two clicks`, async ({ page }) => {
    const t = ui(locale);
    await page.goto(`/${locale}/`);
    await page.getByRole('link', { name: t['audience.schools'], exact: true }).click();
    const lessonPlan = page.locator('.material-list li', { hasText: t['format.lesson-plan'] }).first().getByRole('link');
    await lessonPlan.click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/materials/[a-z0-9-]+/$`));
    await expect(page.locator('.eyebrow')).toContainText(t['format.lesson-plan']);
    await expect(page.locator('.fallback-notice')).toHaveCount(0);
    await expect(page.locator('.steps .step').first()).toBeVisible();
    await expect(page.locator('.handout').first()).toBeVisible();
  });
}

test('every material says who it is for, how long it takes and what it needs', async ({ page }) => {
  await page.goto('/en/materials/spot-the-fake-job-offer/');
  const facts = page.locator('.material-facts');
  for (const label of ['Who it is for', 'Ages', 'Time', 'You will need']) await expect(facts).toContainText(label);
});

test('printing a material shows only the material', async ({ page }) => {
  await page.goto('/en/materials/spot-the-fake-job-offer/');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.quick-exit', '.site-header', '.site-footer', '.print-row', '.related']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('.handout').first()).toBeVisible();
  const handoutBreak = await page.locator('.handout').first().evaluate((el) => getComputedStyle(el).breakBefore);
  expect(handoutBreak).toBe('page');
});

test('a printed material ends with its full address and the local help numbers, and handouts keep to their own pages', async ({ page }) => {
  await page.goto('/km/materials/spot-the-fake-job-offer/');
  const footer = page.locator('.print-footer');
  await expect(footer).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(/https?:\/\/[^ ]+\/km\/materials\/spot-the-fake-job-offer\//);
  // Cambodia's checked line (117 has no check record yet).
  await expect(footer.locator('bdi', { hasText: '1280' })).toHaveCount(1);
  // What follows a handout (the teacher's part) starts a new page.
  const afterHandout = await page.locator('.handout').first().evaluate((el) => getComputedStyle(el.nextElementSibling!).breakBefore);
  expect(afterHandout).toBe('page');
});

test('printed links show full public addresses, and phone numbers are printed once', async ({ page }) => {
  await page.goto('/en/safe-migration-checklist/');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('main a').evaluateAll((links) =>
    links.map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
  );
  const written = printed.filter((l) => l.after !== 'none' && l.after !== 'normal');
  expect(written.length).toBeGreaterThan(0);
  for (const link of written) expect(link.after, link.href).toMatch(/^" \(https?:\/\//);
  for (const link of printed.filter((l) => /^(tel|sms):/.test(l.href))) expect(link.after).toMatch(/none|normal/);
});

test('the print button opens the print dialog', async ({ page }) => {
  await page.goto('/en/materials/spot-the-fake-job-offer/');
  await page.evaluate(() => { (window as unknown as { printed: boolean }).printed = false; window.print = () => { (window as unknown as { printed: boolean }).printed = true; }; });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
});

test('a fictional story says it is made up', async ({ page }) => {
  await page.goto('/en/materials/maya-s-summer-job/');
  await expect(page.locator('.fictional-notice')).toHaveText(ui('en')['material.fictional']);
});

test('the get-help box in Khmer shows the checked Cambodian numbers first, never an unchecked one', async ({ page }) => {
  await page.goto('/km/materials/spot-the-fake-job-offer/');
  const box = page.locator('.get-help-box').last();
  await expect(box.locator('.box-title').first()).toContainText('កម្ពុជា');
  await expect(box.getByRole('link', { name: '1280' }).first()).toHaveAttribute('href', 'tel:1280');
  await expect(box.getByRole('link', { name: '117' })).toHaveCount(0);
});

test('the get-help box of a UK employers\' guide shows the UK line, even to a Khmer reader', async ({ page }) => {
  await page.goto('/km/materials/signs-of-labour-exploitation-for-employers/');
  const box = page.locator('.get-help-box').last();
  await expect(box.locator('.box-title').first()).toContainText('ចក្រភព');
  await expect(box.getByRole('link', { name: '08000 121 700' })).toHaveAttribute('href', 'tel:08000121700');
});

test('a campaign page lists its materials and the hotlines it promotes', async ({ page }) => {
  await page.goto('/en/campaigns/fair-work-here/');
  await expect(page.locator('.campaign-message')).toBeVisible();
  await expect(page.locator('.material-list li').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '1-888-373-7888' })).toBeVisible();
  await expect(page.getByRole('link', { name: '08000 121 700' })).toBeVisible();
});

const pages = ['/materials/spot-the-fake-job-offer/', '/materials/community-meeting-false-job-offers/', '/campaigns/know-before-you-go/', '/campaigns/', '/audiences/destination/'];
for (const locale of ['en', 'ar']) {
  for (const path of pages) {
    test(`${path} in ${locale} has no serious accessibility problem`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expectNoSeriousA11yViolations(page);
    });
  }
}
