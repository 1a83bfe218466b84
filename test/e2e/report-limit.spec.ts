import { expect } from './fixtures';
import { test, uiStrings } from './tipline-server';

// The web report's hourly limit per client address, on a server of its own (its limit is 1).
test.use({ tiplineEnv: { WEB_REPORTS_PER_HOUR: '1' } });

test('a client past the hourly limit is held back, and what was written is kept', async ({ page }) => {
  const t = uiStrings('ar');
  for (const attempt of [1, 2]) {
    await page.goto('/ar/report/');
    await page.getByLabel(t['report.what']).fill(`بلاغ رقم ${attempt}`);
    await page.getByRole('button', { name: t['report.send'] }).click();
  }
  await expect(page.getByRole('alert')).toContainText(t['error.busy']);
  await expect(page.getByLabel(t['report.what'])).toHaveValue('بلاغ رقم 2');
});
