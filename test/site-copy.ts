import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const project = resolve('.');

/** The build caches in node_modules that belong to one project folder, never shared with a copy. */
const ownCaches = new Set(['.astro', '.vite', '.cache']);

/**
 * A scratch copy of the project, as a member of staff would have it: its own src/, content/ and
 * public/, the packages linked, and its own build caches. A shared cache would mix the copy's
 * content with the real site's (Astro's content cache), and two builds at once would work in one
 * poster folder (node_modules/.cache/posters).
 */
export function copySite(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // The site's pages use the tip line's texts and settings too (its forms, its privacy promise).
  for (const part of ['src', 'content', 'public', 'functions', 'config', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(project, part), join(dir, part), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (!ownCaches.has(name)) symlinkSync(join(project, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/**
 * Runs `astro build` in a copy, as `npm run build` would; a content file the schemas refuse fails
 * it. Without Chromium unless asked: the posters are then staged as printable HTML, not rendered.
 */
export async function buildCopy(
  dir: string,
  { chromium = false, env: settings = {} }: { chromium?: boolean; env?: Record<string, string> } = {},
): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, ...(!chromium && { CHROMIUM_PATH: join(dir, 'no-chromium') }), ...settings };
  return promisify(execFile)(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env });
}
