/**
 * npm run bench:site — builds the site, then prints for each page type the bytes a reader
 * downloads (HTML + CSS + JS, raw and gzip), the JavaScript among them, and the build time.
 * Figures are the largest page of each type across all locales. Budget for a reading page:
 * under 12 KB gzip in all, and no JavaScript beyond the inline quick-exit script (a material may
 * add its print button's few bytes; the search page loads Pagefind, measured by bench:search).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { localeCodes } from '../src/i18n/locales.ts';

const dist = 'dist';
const BUDGET_GZIP = 12 * 1024;

const started = performance.now();
execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'ignore' });
const buildSeconds = (performance.now() - started) / 1000;

const quickExit = readFileSync('src/safety/quick-exit.js', 'utf8').trim();

interface Weight { raw: number; gzip: number; js: number; extraJs: number; }

function weigh(htmlFile: string): Weight {
  const html = readFileSync(htmlFile, 'utf8');
  const files = [html];
  let js = 0;
  let extraJs = 0;
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
    files.push(readFileSync(join(dist, href), 'utf8'));
  }
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
    const script = readFileSync(join(dist, src), 'utf8');
    files.push(script);
    js += Buffer.byteLength(script);
    extraJs += Buffer.byteLength(script);
  }
  for (const [, body] of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    js += Buffer.byteLength(body);
    if (body.trim() !== quickExit) extraJs += Buffer.byteLength(body);
  }
  return {
    raw: files.reduce((n, f) => n + Buffer.byteLength(f), 0),
    gzip: files.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0),
    js,
    extraJs,
  };
}

const sections = ['404', 'materials', 'campaigns', 'audiences', 'topics', 'search', 'posters', 'get-help'];
const slugs = readdirSync(join(dist, 'en')).filter(
  (name) => statSync(join(dist, 'en', name)).isDirectory() && !sections.includes(name),
);
const inFolder = (folder: string) =>
  localeCodes.flatMap((l) =>
    readdirSync(join(dist, l, folder))
      .filter((name) => statSync(join(dist, l, folder, name)).isDirectory())
      .map((name) => join(dist, l, folder, name, 'index.html')),
  );
const types: Record<string, string[]> = {
  'language picker': [join(dist, 'index.html')],
  home: localeCodes.map((l) => join(dist, l, 'index.html')),
  'content page': localeCodes.flatMap((l) =>
    slugs.filter((s) => s !== 'get-help').map((s) => join(dist, l, s, 'index.html')),
  ),
  'get help (directory)': localeCodes.map((l) => join(dist, l, 'get-help', 'index.html')),
  'get help for a country': inFolder('get-help'),
  material: inFolder('materials'),
  campaign: inFolder('campaigns'),
  'audience and topic hubs': [...inFolder('audiences'), ...inFolder('topics')],
  'poster library': [...localeCodes.map((l) => join(dist, l, 'posters', 'index.html')), ...inFolder('posters/language')],
  poster: inFolder('posters').filter((file) => !file.includes('/posters/language/')),
  search: localeCodes.map((l) => join(dist, l, 'search', 'index.html')),
  'not found': localeCodes.map((l) => join(dist, l, '404', 'index.html')),
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = Object.entries(types).map(([type, files]) => {
  const weights = files.map(weigh);
  const largest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  return {
    'page type': type,
    pages: files.length,
    'raw (largest)': kb(largest.raw),
    'gzip (largest)': kb(largest.gzip),
    'JS bytes': largest.js,
    'JS beyond quick exit': Math.max(...weights.map((w) => w.extraJs)),
    // The budget is for reading pages; a material adds a print button, the search page Pagefind.
    budget: largest.gzip < BUDGET_GZIP && (type === 'material' || type === 'search' || weights.every((w) => w.extraJs === 0)) ? 'ok' : 'OVER',
  };
});

const fonts = execFileSync('find', [dist, '-name', '*.woff*', '-o', '-name', '*.ttf', '-o', '-name', '*.otf'])
  .toString().trim().split('\n').filter(Boolean).length;

console.log(`Build: ${buildSeconds.toFixed(1)} s for ${Object.values(types).flat().length} pages`);
console.table(rows);
console.log(`Quick-exit script: ${Buffer.byteLength(quickExit)} bytes inline. Web fonts shipped: ${fonts}.`);
console.log(`Budget per page: under ${kb(BUDGET_GZIP)} gzip (HTML + CSS + JS), no JavaScript beyond the quick-exit script.`);
