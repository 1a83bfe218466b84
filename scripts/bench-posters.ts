/**
 * npm run bench:posters — renders the posters into an empty cache (cold, as on a fresh clone in
 * CI), then again (warm: nothing changed, so nothing is rendered), and prints the number of
 * variants, both times, and the size of the files of each format. BENCH_POSTERS=all measures
 * every poster × language × country (what build:production renders); by default, the everyday set
 * that `npm run build`, `npm test` and CI render.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPosters } from '../src/posters/build.ts';
import { findChromium } from '../src/utils/chromium.ts';

if (!findChromium()) throw new Error('bench:posters needs Chromium: install Debian\'s chromium or set CHROMIUM_PATH.');
const scope = process.env.BENCH_POSTERS === 'all' ? 'all' : 'everyday';
const cache = mkdtempSync(join(tmpdir(), 'bench-posters-'));
const options = { root: process.cwd(), siteUrl: 'https://example.org', scope, cache } as const;

async function timed() {
  const started = performance.now();
  const manifest = await buildPosters(options);
  return { manifest, seconds: (performance.now() - started) / 1000 };
}

try {
  const cold = await timed();
  const warm = await timed();
  const { variants, unbuilt } = cold.manifest;
  console.log(`posters (${scope}): ${variants.length} variants, ${unbuilt.length} poster-country pairs not made (no checked hotline)`);
  console.log(`cold: ${cold.manifest.rendered} rendered in ${cold.seconds.toFixed(1)} s (${(cold.seconds / variants.length).toFixed(2)} s a variant)`);
  console.log(`warm: ${warm.manifest.rendered} rendered, ${warm.manifest.fromCache} from cache, in ${warm.seconds.toFixed(1)} s`);
  console.log('\nformat      files  smallest   median  largest');
  const formats = [...new Set(variants.flatMap((v) => v.files.map((f) => f.format)))];
  for (const format of formats) {
    const sizes = variants.flatMap((v) => v.files.filter((f) => f.format === format).map((f) => f.bytes)).sort((a, b) => a - b);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`.padStart(8);
    console.log(`${format.padEnd(10)} ${String(sizes.length).padStart(6)} ${kb(sizes[0])} ${kb(sizes[Math.floor(sizes.length / 2)])} ${kb(sizes[sizes.length - 1])}`);
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
