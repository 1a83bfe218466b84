import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { buildPosters, copyPostersToSite } from '../../src/posters/build';
import { readPosterManifest, type BuiltVariant, type PosterManifest } from '../../src/posters/manifest';
import { posterFormats } from '../../src/posters/formats';
import { PosterRenderer, renderJob } from '../../src/posters/render';
import { posterNumbers } from '../../src/posters/variants';
import { readHotlines } from '../../src/posters/content';
import { findChromium } from '../../src/utils/chromium';

// The posters of the built site: `npm test` builds it (with Chromium) first.
let manifest: PosterManifest;
beforeAll(() => {
  const found = readPosterManifest(process.cwd());
  if (!found || !existsSync('dist/posters')) throw new Error('Run `npm run build` before these tests.');
  if (found.missing) throw new Error(`The last build rendered no posters: ${found.missing}`);
  manifest = found;
});

const pt = (mm: number) => (mm / 25.4) * 72;
const distFile = (variant: BuiltVariant, format: string) => join('dist', variant.files.find((f) => f.format === format)!.url);
const variant = (locale: string) => {
  const found = manifest.variants.find((v) => v.locale === locale);
  if (!found) throw new Error(`no poster is built in ${locale}`);
  return found;
};
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
/** pdftotext breaks Khmer and Thai lines and clusters with spaces; compare without any. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const poster = (v: BuiltVariant) => parse(readFileSync(`content/posters/${v.locale}/${v.slug}.yaml`, 'utf8'));

describe('poster files', () => {
  it('prints A4, A3 and US Letter at their paper size, within 3 pt', () => {
    const v = variant('en');
    for (const format of posterFormats.filter((f) => f.kind === 'pdf')) {
      const info = execFileSync('pdfinfo', [distFile(v, format.id)], { encoding: 'utf8' });
      const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Math.abs(Number(width) - pt(format.widthMm)), `${format.id} width`).toBeLessThan(3);
      expect(Math.abs(Number(height) - pt(format.heightMm)), `${format.id} height`).toBeLessThan(3);
      expect(info, format.id).toMatch(/Pages:\s+1\n/);
    }
  });

  it.each(['km', 'th'])('has the headline and the hotline number as text in a %s PDF', (locale) => {
    const v = variant(locale);
    const text = squeeze(pdftotext(distFile(v, 'a4')));
    expect(text).toContain(squeeze(poster(v).headline));
    const hotlines = parse(readFileSync(`content/hotlines/${v.country.toLowerCase()}.yaml`, 'utf8'));
    const checked = hotlines.hotlines.find((h: { checks?: unknown[] }) => (h.checks ?? []).length > 0);
    expect(text).toContain(squeeze(checked.phone));
    expect(squeeze(pdftotext(distFile(v, 'tear-off')))).toContain(squeeze(checked.phone));
  });

  it.each([['km', 'NotoSansKhmer'], ['th', 'NotoSansThai'], ['ar', 'NotoSansArabic'], ['vi', 'NotoSans']])(
    'embeds the subset fonts of a %s poster',
    (locale, family) => {
      const v = variant(locale);
      for (const format of ['a4', 'cards']) {
        const rows = execFileSync('pdffonts', [distFile(v, format)], { encoding: 'utf8' }).trim().split('\n').slice(2);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row, `${format}: ${row}`).toMatch(/^[A-Z]{6}\+NotoSans\S*\s.*\byes yes yes\b/);
        expect(rows.some((row) => row.includes(`+${family}-`)), `${format} uses ${family}`).toBe(true);
      }
    },
  );

  it('makes a 1080x1350 share image whose QR code opens the poster\'s page', () => {
    const v = variant('km');
    const png = PNG.sync.read(readFileSync(distFile(v, 'share')));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(new URL(`/km/posters/${v.slug}/`, manifest.siteUrl).href);
  });

  it('renders no variant again when nothing changed', async () => {
    const again = await buildPosters({ root: process.cwd(), siteUrl: manifest.siteUrl, scope: manifest.scope });
    expect(again.rendered).toBe(0);
    expect(again.fromCache).toBe(manifest.variants.length);
  });
});

/** The height in points of each word pdftotext finds in a PDF, by word. */
function wordHeights(file: string): { word: string; height: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, top, bottom, word]) => ({
    word,
    height: Number(bottom) - Number(top),
  }));
}

describe('pocket cards', () => {
  it('print every number at 18 pt or more, to be read in poor light', () => {
    const hotlines = readHotlines(process.cwd());
    for (const v of manifest.variants) {
      const numbers = posterNumbers(hotlines.get(v.country)!)!;
      const parts = new Set([numbers.hotline.phone, numbers.hotline.sms, numbers.emergency].flatMap((n) => n?.split(/\s+/) ?? []));
      const printed = wordHeights(distFile(v, 'cards')).filter(({ word }) => parts.has(word));
      expect(printed.length, v.id).toBeGreaterThanOrEqual(10);
      // A word's box is about 1.36 times its type size in Noto Sans: 18 pt type, a 24.5 pt box.
      for (const { word, height } of printed) expect(height, `${v.id}: ${word}`).toBeGreaterThan(24.5);
    }
  });
});

describe('tear-off strips', () => {
  it('carry the hotline and our own SMS line, when the build has one, on each of the seven strips', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'posters-'));
    const tiplineSms = '+44 7700 900123';
    const renderer = await PosterRenderer.open(findChromium()!);
    try {
      // Only the documents are made here; one of them is then printed, as the renderer would.
      const env = { CHROMIUM_PATH: '/nonexistent/chromium', PUBLIC_TIPLINE_SMS: tiplineSms };
      const built = await buildPosters({ root: process.cwd(), siteUrl: 'https://example.org', env, cache, scope: 'everyday' });
      const v = built.variants.find((variant) => variant.locale === 'km')!;
      const format = posterFormats.find((f) => f.id === 'tear-off')!;
      const outFile = join(cache, 'tear-off.pdf');
      const page = await renderer.newPage();
      await renderJob(page, { format, htmlFile: join(built.stage!, `${v.id}-tear-off.html`), outFile, describe: v.id, samePageAsBefore: false });
      const text = squeeze(pdftotext(outFile));
      const hotline = posterNumbers(readHotlines(process.cwd()).get(v.country)!)!.hotline;
      expect(text.split(squeeze(tiplineSms)).length - 1).toBe(7);
      expect(text.split(squeeze((hotline.phone ?? hotline.sms)!)).length - 1).toBe(7);
    } finally {
      await renderer.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('posters without Chromium', () => {
  const env = { CHROMIUM_PATH: '/nonexistent/chromium' };

  it('offers printable HTML and says what is missing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'posters-'));
    try {
      const built = await buildPosters({ root: process.cwd(), siteUrl: 'https://example.org', env, cache });
      expect(built.missing).toContain('CHROMIUM_PATH');
      expect(built.variants[0].files).toEqual([]);
      const page = built.variants[0].printable.find((p) => p.format === 'a4')!;
      const html = readFileSync(join(built.stage!, page.url.replace('/posters/print/', '')), 'utf8');
      expect(html).toContain('<link rel="stylesheet" href="assets/poster.css">');
      expect(html).not.toMatch(/<script|style=/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('lets two builds share a cache: neither empties the documents the other is about to copy', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'posters-'));
    const out = mkdtempSync(join(tmpdir(), 'posters-site-'));
    try {
      const options = { root: process.cwd(), siteUrl: 'https://example.org', env, cache };
      // The first build stages its documents; the second runs before the first copies them.
      const all = await buildPosters({ ...options, scope: 'all' });
      const everyday = await buildPosters({ ...options, scope: 'everyday' });
      expect(all.variants.length).toBeGreaterThan(everyday.variants.length);
      copyPostersToSite(all, out);
      for (const page of all.variants.flatMap((v) => v.printable)) expect(existsSync(join(out, page.url)), page.url).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('stops a production build', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'posters-'));
    try {
      await expect(buildPosters({ root: process.cwd(), siteUrl: 'https://example.org', env, cache, requireRendered: true })).rejects.toThrow(
        'A production build needs the rendered posters',
      );
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
