/**
 * npm run bench:search — builds the site, then prints for each locale the size of its Pagefind
 * index (the files a reader's browser may fetch: meta, word index, filters, result fragments),
 * and the bytes a browser really fetches from /pagefind/ for a first query (in Chromium).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import { createApp } from '../server/app.ts';
import { localeCodes } from '../src/i18n/locales.ts';

// A word from the safe-migration checklist in each language ("licence" / "agency").
const queries: Record<string, string> = {
  en: 'licence', fr: 'autorisation', es: 'licencia', ru: 'лицензия',
  ar: 'ترخيص', th: 'ใบอนุญาต', vi: 'giấy phép', km: 'អាជ្ញាប័ណ្ណ',
};

execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'ignore' });

const dir = 'dist/pagefind';
const sizeOf = (folder: string, prefix: string) =>
  readdirSync(folder).filter((f) => f.startsWith(prefix)).reduce((n, f) => n + statSync(join(folder, f)).size, 0);

const app = createApp('dist');
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
for (const locale of localeCodes) {
  const page = await browser.newPage();
  let fetched = 0;
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/pagefind/')) fetched += (await response.body()).length;
  });
  await page.goto(`${origin}/${locale}/search/?q=${encodeURIComponent(queries[locale])}`);
  await page.locator('.search-results li').first().waitFor();
  await page.waitForLoadState('networkidle');
  rows.push({
    locale,
    'word index': kb(sizeOf(join(dir, 'index'), `${locale}_`)),
    filters: kb(sizeOf(join(dir, 'filter'), `${locale}_`)),
    fragments: kb(sizeOf(join(dir, 'fragment'), `${locale}_`)),
    'fetched for a first query': kb(fetched),
    query: queries[locale],
  });
  await page.close();
}
await browser.close();
server.close();
console.table(rows);
