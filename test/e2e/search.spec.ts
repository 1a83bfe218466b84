import { test, expect, expectNoSeriousA11yViolations } from './fixtures';

// A word from the body of the safe-migration checklist in each language ("licence"). In Thai and
// Khmer the word sits inside a run of text with no spaces around it.
const words: Record<string, string> = {
  en: 'licence',
  fr: 'autorisation',
  ar: 'ترخيص',
  th: 'ใบอนุญาต',
  km: 'អាជ្ញាប័ណ្ណ',
};

for (const [locale, word] of Object.entries(words)) {
  test(`a reader in ${locale} finds the safe-migration checklist by a word from its text`, async ({ page }) => {
    await page.goto(`/${locale}/search/`);
    await page.getByRole('searchbox').fill(word);
    await page.getByRole('searchbox').press('Enter');
    const result = page.locator('.search-results a[href$="/safe-migration-checklist/"]');
    await expect(result).toHaveCount(1);
    await expect(result).toHaveAttribute('href', `/${locale}/safe-migration-checklist/`);
  });
}

test('the header search box leads to the results', async ({ page }) => {
  await page.goto('/fr/');
  await page.locator('.header-search summary').click();
  await page.getByRole('search').getByRole('searchbox').fill('autorisation');
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/\/fr\/search\/\?q=autorisation/);
  await expect(page.locator('.search-results li').first()).toBeVisible();
});

test('results show Thai excerpts without the spaces added for indexing', async ({ page }) => {
  await page.goto('/th/search/?q=ใบอนุญาต');
  const excerpt = page.locator('.search-results li p').first();
  await expect(excerpt).toContainText('ใบอนุญาต');
});

test('a filter narrows the results to the reader\'s audience', async ({ page }) => {
  await page.goto('/en/search/?q=trafficking');
  const results = page.locator('.search-results > li');
  await expect(results.first()).toBeVisible();
  const before = await results.count();
  await page.getByText('Narrow the results').click();
  await page.getByRole('group', { name: 'Who it is for' }).getByLabel(/Schools and young people/).check();
  await expect.poll(() => results.count()).toBeLessThan(before);
  await expect(results.first()).toBeVisible();
  await expect(page).toHaveURL(/audience=schools/);
});

test('on a phone, the first result is on the first screen and the filters are folded after the count', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/en/search/?q=passport');
  await expect(page.locator('.search-results > li').first()).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('group', { name: 'Who it is for' })).toBeHidden();
  const status = (await page.getByRole('status').boundingBox())!;
  const filters = (await page.getByText('Narrow the results').boundingBox())!;
  expect(filters.y).toBeGreaterThan(status.y);
});

test('a misspelt word still finds the pages, and the page says what it searched for', async ({ page }) => {
  await page.goto('/en/search/?q=pasport');
  // The near spellings are tried one search each, after the first: give them time on a busy machine.
  await expect(page.getByRole('status')).toContainText('Results for “passport”', { timeout: 15_000 });
  await expect(page.locator('.search-results a[href="/en/safe-migration-checklist/"]')).toHaveCount(1);
});

test('a query with no result says so and suggests what to do', async ({ page }) => {
  await page.goto('/en/search/?q=qwzxvyk');
  await expect(page.getByRole('status')).toContainText('Nothing found for “qwzxvyk”');
  await expect(page.getByRole('link', { name: 'Schools and young people' })).toBeVisible();
});

test('without JavaScript the search page says so and links to the hubs', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ar/search/');
  await expect(page.locator('noscript')).toHaveCount(1);
  await page.getByRole('link', { name: /./ }).filter({ hasText: '' }).first().waitFor();
  const hubLinks = page.locator('.hub-links a');
  expect(await hubLinks.count()).toBeGreaterThan(3);
  await hubLinks.first().click();
  await expect(page).toHaveURL(/\/ar\/audiences\//);
  await expect(page.locator('.topic-list li').first()).toBeVisible();
  await context.close();
});

for (const locale of ['en', 'ar']) {
  test(`the search page in ${locale} has no serious accessibility problem`, async ({ page }) => {
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(words[locale])}`);
    await expect(page.locator('.search-results li').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
