import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.ts';

/**
 * Decap's local backend (`decap-server`): a small server that reads and writes the content files of
 * one folder for the CMS, on this computer, without git or a login. It listens on loopback only;
 * the admin page reaches it through its own origin (`/admin/api/v1`, proxied by `npm run cms` and
 * by the tests), so /admin/ makes no request to another origin.
 */
export interface DecapBackend {
  /** Its API, e.g. http://127.0.0.1:40123/api/v1 */
  url: string;
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts decap-server over `folder` (its content/ is what the CMS edits) and waits until it answers. */
export async function startDecapBackend(folder: string, options: { quiet?: boolean } = {}): Promise<DecapBackend> {
  const port = await freePort();
  const entry = createRequire(import.meta.url).resolve('decap-server');
  const child = spawn(process.execPath, [entry], {
    cwd: resolve(folder),
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: resolve(folder), LOG_LEVEL: 'warn' },
    stdio: options.quiet ? 'ignore' : 'inherit',
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Never outlive the process that started it, even when that one stops on an error.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`decap-server stopped at start (exit code ${child.exitCode})`);
    if (await answers(url)) return { url, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`decap-server did not answer on ${url} within 10 s`);
}

/** Forwards the admin page's backend requests to decap-server (used on the tests' local server). */
export function proxyTo(backend: DecapBackend): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await fetch(backend.url, { method: request.method, headers: { 'Content-Type': 'application/json' }, body: await request.text() });
    return new Response(response.body, { status: response.status, headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json' } });
  };
}
