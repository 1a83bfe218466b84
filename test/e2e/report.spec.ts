import { expect, expectNoSeriousA11yViolations } from './fixtures';
import { DUTY_OFFICER, test, uiStrings as ui } from './tipline-server';

// The web report as a reporter meets it, in a real browser, with JavaScript off and on: the
// report page's form, the receipt, coming back with it, a responder's answer, adding information.
for (const javaScriptEnabled of [false, true]) {
  for (const lang of ['en', 'ar']) {
    test.describe(`${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled });

      test('a report, its receipt, a responder\'s answer read with the receipt, more added, a wrong secret refused', async ({ page, tipline: server, thirdPartyRequests }) => {
        test.setTimeout(180_000);
        const t = ui(lang);
        const marker = `${lang}${javaScriptEnabled ? 'js' : 'nojs'}${Date.now().toString(36)}`;
        await page.goto(`${server.url}/${lang}/report/`);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['report.title']);
        await expect(page.getByRole('heading', { name: t['promise.title'] })).toBeVisible();
        // axe is a script run in the page: it audits the pages with JavaScript on.
        if (javaScriptEnabled) await expectNoSeriousA11yViolations(page);

        await page.getByLabel(t['report.what']).fill(`${marker} صاحب العمل أخذ جوازات سفرنا ويقفل الباب علينا ليلًا`);
        await page.getByLabel(t['report.where'], { exact: false }).first().fill('Dubai');
        await page.getByLabel(t['report.country'], { exact: false }).selectOption('AE');
        await page.getByRole('radio', { name: t['report.dangerYes'], exact: true }).check();
        const sent = page.waitForResponse((r) => r.url().endsWith('/api/tips'));
        await page.getByRole('button', { name: t['report.send'] }).click();
        const response = await sent;
        expect(response.headers()['cache-control']).toBe('no-store');

        // The receipt: shown once, never in the address.
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['receipt.title']);
        const lookup = (await page.locator('[data-receipt="lookup"]').textContent())!;
        const secret = (await page.locator('[data-receipt="secret"]').textContent())!;
        expect(lookup).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
        expect(secret).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
        expect(page.url()).toBe(`${server.url}/api/tips`);
        expect(page.url()).not.toContain(secret.replace(/ /g, ''));
        if (javaScriptEnabled) await expectNoSeriousA11yViolations(page);

        // The duty desk is told (no route for the UAE); its officer answers through the line.
        let ref: string | undefined;
        await expect.poll(async () => {
          ref = (await server.sent()).map((m) => new RegExp(`New tip (\\w+) .*${marker}`).exec(m.body)?.[1]).find(Boolean);
          return ref;
        }, { timeout: 20_000 }).toBeTruthy();
        expect(await server.text(DUTY_OFFICER, `PIN ${server.dutyOfficerPin}`)).toContain('PIN accepted');
        expect(await server.text(DUTY_OFFICER, `#${ref} ${marker} We read your report. Are you safe tonight?`)).toContain('Saved for the reporter');

        // Back with the receipt, on the page the receipt page links to.
        await page.getByRole('link', { name: t['open.title'] }).click();
        await page.getByLabel(t['receipt.lookup']).fill(lookup);
        await page.getByLabel(t['receipt.secret']).fill(secret);
        await page.getByRole('button', { name: t['open.submit'] }).click();
        await expect(page.getByText(`${marker} We read your report. Are you safe tonight?`)).toBeVisible();
        await expect(page.getByText(t['thread.responder'], { exact: false })).toBeVisible();
        expect(page.url()).toBe(`${server.url}/api/tips/open`);

        // More information reaches the officer who answered.
        await page.getByLabel(t['thread.add']).fill(`${marker} yes, until tomorrow`);
        await page.getByRole('button', { name: t['thread.send'], exact: true }).click();
        await expect(page.getByRole('status')).toHaveText(t['thread.added']);
        await expect(page.getByText(`${marker} yes, until tomorrow`)).toBeVisible();
        await expect.poll(async () => (await server.sent()).some((m) => m.body === `#${ref} ${marker} yes, until tomorrow`), { timeout: 20_000 }).toBe(true);

        // A wrong secret opens nothing and says so.
        await page.goto(`${server.url}/${lang}/report/open/`);
        await page.getByLabel(t['receipt.lookup']).fill(lookup);
        await page.getByLabel(t['receipt.secret']).fill('1234 5678 1234 5678');
        await page.getByRole('button', { name: t['open.submit'] }).click();
        await expect(page.getByRole('alert')).toContainText(t['error.receipt']);
        await expect(page.getByText(marker)).toHaveCount(0);
        expect(thirdPartyRequests).toEqual([]);
      });
    });
  }
}

test('a filled trap field sends nothing and shows the field, keeping what was written', async ({ page, tipline: server }) => {
  const t = ui('en');
  await page.goto(`${server.url}/en/report/`);
  await page.getByLabel(t['report.what']).fill('Cheap watches for sale');
  // A program fills every field, the hidden one too; a person never sees it.
  await page.locator('#website').fill('http://spam.example', { force: true });
  await page.getByRole('button', { name: t['report.send'] }).click();
  await expect(page.getByRole('alert')).toContainText(t['error.trap']);
  await expect(page.getByLabel(t['report.what'])).toHaveValue('Cheap watches for sale');
  await expect(page.getByLabel(t['report.trap'])).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${t['form.error']}`));
});
