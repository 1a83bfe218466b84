import { serve } from '@hono/node-server';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApp } from '../../server/app.ts';
import { proxyTo, startDecapBackend } from '../../server/decap-backend.ts';
import { localBackendPath } from '../../src/cms/local-backend.ts';
import { translationReportPage } from '../../src/cms/translation-report.ts';
import { readContentFiles } from '../../src/i18n/translation-files.ts';
import { copySite } from '../site-copy.ts';

export interface CmsSite {
  /** The admin page's origin: the built site (dist/) plus /admin/api/v1/ forwarded to decap-server. */
  url: string;
  /** The scratch copy of the project that decap-server edits (and that a test may build). */
  dir: string;
  stop: () => Promise<void>;
}

/**
 * The CMS as staff use it in local mode, over a scratch copy of the project, so the tests can save
 * without touching the real content/: decap-server writes into the copy, the built admin page
 * (dist/, from `npm test`'s build) is served on one loopback origin with its backend.
 */
export async function startCmsSite(): Promise<CmsSite> {
  const project = resolve('.');
  const dir = copySite('cms-site-');
  const backend = await startDecapBackend(dir, { quiet: true });
  // As under `npm run cms`, the translation report is made from the files on each visit.
  const report = async () =>
    new Response(await translationReportPage(readContentFiles(dir), new Date()), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  const app = createApp(join(project, 'dist'), [
    { path: localBackendPath, handler: proxyTo(backend) },
    { path: '/admin/translations/', handler: report },
  ]);
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
