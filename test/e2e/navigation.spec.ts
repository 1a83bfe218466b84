import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const ui = (locale: string) => JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8'));

test('a long page opens with a table of contents whose links reach its sections', async ({ page }) => {
  await page.goto('/en/signs-of-trafficking/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  const target = (await links.nth(1).getAttribute('href'))!;
  await links.nth(1).click();
  await expect(page.locator(target)).toBeInViewport();
});

test('a short page has no table of contents', async ({ page }) => {
  await page.goto('/en/about/');
  await expect(page.locator('.toc')).toHaveCount(0);
});

for (const locale of ['en', 'ar']) {
  test(`material, campaign and hub pages in ${locale} say where the reader is`, async ({ page }) => {
    const t = ui(locale);
    const trail = () => page.getByRole('navigation', { name: t['breadcrumb.label'] });
    await page.goto(`/${locale}/materials/spot-the-fake-job-offer/`);
    await expect(trail().getByRole('link', { name: t['nav.home'] })).toHaveAttribute('href', `/${locale}/`);
    await trail().getByRole('link', { name: t['audience.schools'] }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/audiences/schools/$`));
    await expect(trail().locator('[aria-current="page"]')).toHaveText(t['audience.schools']);
    await page.goto(`/${locale}/campaigns/fair-work-here/`);
    await expect(trail().getByRole('link', { name: t['home.campaigns'] })).toHaveAttribute('href', `/${locale}/campaigns/`);
  });
}

test('an item not yet translated is labelled English in a list in another language', async ({ page }) => {
  // A campaign that some locale has no text for: its list shows the English text, marked as such.
  const campaigns = readdirSync('content/campaigns/en').map((f) => f.replace(/\.mdx$/, ''));
  const locales = ['fr', 'es', 'ru', 'ar', 'th', 'vi', 'km'];
  const missing = locales.flatMap((l) => campaigns.filter((c) => !existsSync(`content/campaigns/${l}/${c}.mdx`)).map((c) => [l, c]));
  expect(missing.length, 'every campaign is translated everywhere: this test needs an untranslated one').toBeGreaterThan(0);
  const [locale, slug] = missing[0];
  await page.goto(`/${locale}/campaigns/`);
  const item = page.locator('.topic-list li', { has: page.locator(`a[href="/${locale}/campaigns/${slug}/"]`) });
  await expect(item).toHaveAttribute('lang', 'en');
  await expect(item.getByRole('link')).toHaveAttribute('hreflang', 'en');
  const english = new Intl.DisplayNames([locale], { type: 'language' }).of('en')!;
  await expect(item.locator('.lang-label')).toHaveText(english);
  await expect(item.locator('.lang-label')).toHaveAttribute('lang', locale);
});

test('every page says who publishes the site, and the About page says who runs it', async ({ page }) => {
  const name = /^name: (.+)$/m.exec(readFileSync('content/site/publisher.yaml', 'utf8'))![1];
  await page.goto('/ar/signs-of-trafficking/');
  await expect(page.locator('.site-footer')).toContainText(name);
  await page.goto('/en/about/');
  const section = page.getByRole('region', { name: 'Who runs this site' });
  await expect(section).toContainText(`${name} publishes this site`);
});

for (const locale of ['en', 'ar', 'km']) {
  test(`the privacy page in ${locale} says what the Exit button cannot hide`, async ({ page }) => {
    const t = ui(locale);
    await page.goto(`/${locale}/cover-your-tracks/`);
    const box = page.locator('.quick-exit-limits');
    await expect(box).toContainText(t['quickExit.limitsTitle']);
    for (const key of ['quickExit.limitBack', 'quickExit.limitHistory', 'quickExit.limitNetwork']) await expect(box).toContainText(t[key]);
  });
}
