/**
 * What the tip line's benchmarks share: a built site, the local server on a free port with a store
 * of its own, counting in that store once the server has stopped, and percentiles of the latencies
 * measured.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { freePort } from '../server/free-port.ts';

/** Builds the site first if there is no build to serve. */
export function ensureBuilt(): void {
  if (!existsSync('dist/_headers')) execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'ignore' });
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

/**
 * Opens the store the stopped server wrote to (PGlite in its data folder, or the PostgreSQL server)
 * for counting what was kept. Each query returns one row with a column `n`.
 */
export async function openStoreForCounts(databaseUrl: string | undefined, dataDir: string): Promise<{ count(query: string): Promise<number>; close(): Promise<void> }> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { count: async (query) => Number((await client.query<{ n: string }>(query)).rows[0].n), close: () => client.end() };
  }
  const db = new PGlite(join(dataDir, 'pglite'));
  return { count: async (query) => Number((await db.query<{ n: string }>(query)).rows[0].n), close: () => db.close() };
}
