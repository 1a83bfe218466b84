import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, expectNoSeriousA11yViolations, untranslatedText } from './fixtures';

// The risk pages on today's biggest dangers, each with a word a reader would search for.
const riskPages: Record<string, string> = {
  'scam-centre-jobs': 'casino',
  'forced-marriage': 'bride',
  'work-at-sea': 'fishing',
  'sextortion-and-online-abuse': 'sextortion',
};

/** The English page's frontmatter: its title and the hubs it belongs in. */
function frontmatter(slug: string): { title: string; audiences: string[]; topics: string[] } {
  return parse(readFileSync(`content/pages/en/${slug}.mdx`, 'utf8').split('---')[1]);
}

const ui = (locale: string) => JSON.parse(readFileSync(`content/ui/${locale}.json`, 'utf8'));

for (const [slug, word] of Object.entries(riskPages)) {
  const { title, audiences, topics } = frontmatter(slug);

  test(`${slug}: the page says where to get help and lists the hotlines`, async ({ page }) => {
    const response = await page.goto(`/en/${slug}/`);
    expect(response!.status()).toBe(200);
    await expect(page.locator('article h1')).toHaveText(title);
    await expect(page.locator('article .get-help-box')).toBeVisible();
    await expect(page.getByRole('heading', { name: ui('en')['hotlines.title'] })).toBeVisible();
  });

  test(`${slug}: every audience and topic hub lists the page`, async ({ page }) => {
    for (const hub of [...audiences.map((a) => `audiences/${a}`), ...topics.map((t) => `topics/${t}`)]) {
      await page.goto(`/en/${hub}/`);
      await expect(page.locator('.topic-list').getByRole('link', { name: title, exact: true }), hub).toHaveAttribute('href', `/en/${slug}/`);
    }
  });

  test(`${slug}: a reader finds it by searching for "${word}"`, async ({ page }) => {
    await page.goto('/en/search/');
    await page.getByRole('searchbox').fill(word);
    await page.getByRole('searchbox').press('Enter');
    await expect(page.locator(`.search-results a[href="/en/${slug}/"]`)).toHaveCount(1);
  });

  test(`${slug}: no serious accessibility problem`, async ({ page }) => {
    await page.goto(`/en/${slug}/`);
    await expectNoSeriousA11yViolations(page);
  });
}

test('a Khmer reader of the scam-centre page sees it in Khmer, with help in Cambodia', async ({ page }) => {
  await page.goto('/km/scam-centre-jobs/');
  await expect(page.locator('.fallback-notice')).toHaveCount(0);
  await expect(page.locator('article h1')).toHaveText(parse(readFileSync('content/pages/km/scam-centre-jobs.mdx', 'utf8').split('---')[1]).title);
  await expect(page.locator('.get-help-box .box-title').first()).toContainText('កម្ពុជា');
});

test('inside an English fallback, the help box speaks the reader\'s language', async ({ page }) => {
  await page.goto(untranslatedText('km', '<GetHelpBox />').path);
  await expect(page.locator('.fallback-notice')).toBeVisible();
  await expect(page.locator('.get-help-box')).toHaveAttribute('lang', 'km');
});

test('the forced-marriage topic hub is titled and listed in the reader\'s language', async ({ page }) => {
  for (const locale of ['th', 'ar']) {
    const label = ui(locale)['topic.forced-marriage'];
    await page.goto(`/${locale}/topics/forced-marriage/`);
    await expect(page.locator('h1')).toHaveText(label);
    await expect(page.locator('.topic-list a[href$="/forced-marriage/"]')).toHaveCount(1);
  }
});

test('the sextortion page read as a fallback in Arabic has no serious accessibility problem', async ({ page }) => {
  await page.goto('/ar/sextortion-and-online-abuse/');
  await expectNoSeriousA11yViolations(page);
});
