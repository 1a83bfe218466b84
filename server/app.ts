import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { apiRoutes, type Handler } from './api-routes.ts';
import { isLocale } from '../src/i18n/locales.ts';
import { headersFor, parseHeadersFile } from './host-headers.ts';

/** The locale a browser asks for by Accept-Language ("fr-CA" counts as "fr"), or '' for none. */
export function preferredLocale(acceptLanguage: string | undefined): string {
  if (!acceptLanguage) return '';
  return (
    parseAccept(acceptLanguage)
      .filter((a) => a.q > 0)
      .sort((a, b) => b.q - a.q)
      .map((a) => a.type.split('-')[0].toLowerCase())
      .find((code) => isLocale(code)) ?? ''
  );
}

/** The client's address, when Node serves the request (a test's in-process request has none). */
function clientAddress(c: Context): string | undefined {
  return (c.env as { incoming?: unknown } | undefined)?.incoming ? getConnInfo(c).remote.address : undefined;
}

/**
 * The local server: the built site from `distDir` plus the tip-line functions under /api/, on one
 * origin, with the same security headers and redirects as production. `localRoutes` adds routes
 * that exist only on the local server (the training view of the log transport).
 */
export function createApp(distDir: string, localRoutes: { path: string; handler: Handler }[] = []): Hono {
  const headerRules = parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    // A later rule's header replaces an earlier one's (the CSP of /admin/*), and a header the
    // response sets itself is kept, as on Netlify, where _headers never reach a function (the
    // CMS login's page carries the CSP of its own script).
    const ownHeaders = new Set(c.res.headers.keys());
    for (const [name, value] of headersFor(headerRules, c.req.path)) {
      if (!ownHeaders.has(name.toLowerCase())) c.res.headers.set(name, value);
    }
    if (c.req.path.startsWith('/_astro/')) {
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });

  // The client's address goes to a function as Netlify passes it (context.ip): the web report
  // hashes it for its rate limits and keeps nothing else of it.
  for (const { path, handler } of [...apiRoutes, ...localRoutes]) app.all(path, (c) => handler(c.req.raw, { ip: clientAddress(c) }));

  app.get('/', async (c, next) => {
    const locale = preferredLocale(c.req.header('Accept-Language'));
    c.header('Vary', 'Accept-Language');
    if (locale) return c.redirect(`/${locale}/`, 302);
    await next();
  });

  // /fr/get-help → /fr/get-help/ when that folder exists, as Netlify does.
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (!path.endsWith('/') && !path.includes('.')) {
      const folder = join(distDir, path);
      if (existsSync(folder) && statSync(folder).isDirectory()) return c.redirect(`${path}/`, 301);
    }
    await next();
  });

  app.use('*', serveStatic({ root: distDir }));

  app.notFound((c) => {
    const first = c.req.path.split('/')[1];
    const page = isLocale(first) ? join(distDir, first, '404', 'index.html') : join(distDir, '404.html');
    return c.html(readFileSync(page, 'utf8'), 404);
  });

  return app;
}
