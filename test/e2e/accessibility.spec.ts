import { test, expectNoSeriousA11yViolations } from './fixtures';

// One page of every type, in a left-to-right and the right-to-left locale.
const pageTypes = {
  home: (l: string) => `/${l}/`,
  content: (l: string) => `/${l}/smuggling-vs-trafficking/`,
  directory: (l: string) => `/${l}/get-help/`,
  fallback: (l: string) => (l === 'en' ? '/en/about/' : `/${l}/about/`),
  notFound: (l: string) => `/${l}/no-such-page/`,
};

for (const locale of ['en', 'ar']) {
  for (const [type, path] of Object.entries(pageTypes)) {
    test(`${type} page in ${locale} has no serious accessibility problem`, async ({ page }) => {
      await page.goto(path(locale));
      await expectNoSeriousA11yViolations(page);
    });
  }
}

test('language picker has no serious accessibility problem', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.SITE_URL, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('the open language menu has no serious accessibility problem', async ({ page }) => {
  await page.goto('/ar/');
  await page.locator('.language-switcher summary').click();
  await expectNoSeriousA11yViolations(page);
});
