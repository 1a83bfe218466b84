import type { AstroIntegration } from 'astro';
import { adminHead } from '../cms/admin-page';
import { localBackendPath } from '../cms/local-backend';
import { translationReportPage } from '../cms/translation-report';
import { readContentFiles } from '../i18n/translation-files';

/**
 * The content manager on Astro's dev server (`npm run dev`, `npm run cms`).
 * - /admin/ is served here, because the dev server's i18n routing answers 404 for any page outside
 *   a locale folder (the build writes src/pages/admin/index.astro as usual).
 * - /admin/translations/, the translation report, is made afresh on each visit from content/.
 * - With DECAP_BACKEND_URL set (scripts/cms.ts sets it), /admin/api/v1/ is forwarded to
 *   decap-server, so the admin page talks to its own origin only.
 */
export default function cmsDev(backendUrl = process.env.DECAP_BACKEND_URL): AstroIntegration {
  return {
    name: 'cms-dev',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const path = req.url?.split('?')[0];
          if (path === '/admin/' && req.method === 'GET') {
            // Under `npm run cms` the CMS saves here, through decap-server, even if a GitHub repository is set.
            const env = backendUrl ? { ...process.env, CMS_GITHUB_REPO: undefined } : process.env;
            const page = `<!doctype html><html lang="en"><head>${adminHead(env)}</head><body><script type="module" src="/src/cms/main.ts"></script></body></html>`;
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(await server.transformIndexHtml('/admin/', page));
            return;
          }
          if (path === '/admin/translations/' && req.method === 'GET') {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(await translationReportPage(readContentFiles(process.cwd()), new Date()));
            return;
          }
          if (path === localBackendPath && backendUrl) {
            const chunks: Buffer[] = [];
            for await (const chunk of req) chunks.push(chunk as Buffer);
            const answer = await fetch(backendUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.concat(chunks) });
            res.writeHead(answer.status, { 'Content-Type': answer.headers.get('Content-Type') ?? 'application/json' });
            res.end(Buffer.from(await answer.arrayBuffer()));
            return;
          }
          next();
        });
      },
    },
  };
}
