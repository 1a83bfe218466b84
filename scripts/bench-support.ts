/**
 * What the tip line's benchmarks share: a built site, the local server on a free port with a store
 * of its own, and percentiles of the latencies measured.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the site first if there is no build to serve. */
export function ensureBuilt(): void {
  if (!existsSync('dist/_headers')) execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'ignore' });
}

async function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `server/start.ts` in local mode on a free port, with a fresh DATA_DIR (PGlite), or on
 * the PostgreSQL database `databaseUrl` names. The environment's own DATABASE_URL is never used:
 * a benchmark must not write to a real store.
 */
export async function startLocalServer(options: { name: string; databaseUrl?: string; env?: Record<string, string> }): Promise<{ base: string; dataDir: string; server: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), `${options.name}-`));
  const port = await freePort();
  const { DATABASE_URL: _measuredWithPglite, ...environment } = process.env;
  const server = spawn(process.execPath, ['server/start.ts'], {
    env: {
      ...environment,
      PORT: String(port),
      DATA_DIR: dataDir,
      TIPLINE_MODE: 'local',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk) => String(chunk).includes('Site and /api on') && resolve());
    server.on('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, dataDir, server };
}

/** The p-th percentile of latencies sorted in ascending order. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
