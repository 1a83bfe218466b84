/**
 * npm run bench:cms — what the content manager (/admin/, Decap bundled from npm) adds to every
 * build. Builds two scratch copies of the project, one without src/pages/admin/, in turns
 * (BENCH_ROUNDS rounds, 2 by default, so both meet the same load), and prints each build's time,
 * the median difference, and the size of the files the admin page brings into dist/_astro/.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCopy, copySite } from '../test/site-copy.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const withCms = copySite('bench-cms-with-');
const withoutCms = copySite('bench-cms-without-');
rmSync(join(withoutCms, 'src/pages/admin'), { recursive: true });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const assets = (dir: string) => new Set(readdirSync(join(dir, 'dist/_astro')));

try {
  const seconds: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, dir] of [['with', withCms], ['without', withoutCms]] as const) {
      const started = performance.now();
      await buildCopy(dir);
      seconds[name].push((performance.now() - started) / 1000);
      console.log(`round ${round}, ${name} /admin/: ${seconds[name].at(-1)!.toFixed(1)} s`);
    }
  }
  const added = seconds.with.map((s, i) => s - seconds.without[i]);
  console.log(`build with /admin/: median ${median(seconds.with).toFixed(1)} s; without: ${median(seconds.without).toFixed(1)} s; added: median ${median(added).toFixed(1)} s`);

  const others = assets(withoutCms);
  const own = [...assets(withCms)].filter((name) => name.endsWith('.js') && !others.has(name)).map((name) => join(withCms, 'dist/_astro', name));
  const largest = own.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `admin page script: ${kb(statSync(largest).size)} (${kb(gzipSync(readFileSync(largest)).length)} gzip); ` +
      `${own.length - 1} more scripts it loads only on demand, ${kb(own.filter((f) => f !== largest).reduce((sum, f) => sum + statSync(f).size, 0))} in all`,
  );
} finally {
  rmSync(withCms, { recursive: true, force: true });
  rmSync(withoutCms, { recursive: true, force: true });
}
