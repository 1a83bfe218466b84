import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp } from './server/app.ts';
import { chromiumArgs } from './src/utils/chromium.ts';
const server = await new Promise<any>((r) => { const s = serve({ fetch: createApp('dist').fetch, port: 0, hostname: '127.0.0.1' }, () => r(s)); });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
for (const path of process.argv.slice(2)) {
  await page.goto(base + path);
  const name = path.replace(/\W+/g, '-');
  await page.screenshot({ path: `/tmp/pp/shot${name}.png`, fullPage: true });
  console.log(name, await page.evaluate(() => document.documentElement.scrollHeight));
}
await browser.close(); server.close();
