import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp, preferredLocale } from '../../server/app';
import { scriptHash } from '../../src/safety/security-headers';

// The local server serves the built site: `npm test` builds it first.
let app: Hono;
beforeAll(() => {
  if (!existsSync('dist/_headers')) throw new Error('Run `npm run build` before these tests.');
  app = createApp('dist');
});

describe('local server', () => {
  it('sends a browser that names one of our languages to it', async () => {
    const res = await app.request('/', { headers: { 'Accept-Language': 'de-DE,km-KH;q=0.8,en;q=0.5' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/km/');
    expect(res.headers.get('Vary')).toContain('Accept-Language');
  });

  it('lets everyone else pick a language at /', async () => {
    const res = await app.request('/', { headers: { 'Accept-Language': 'de-DE' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const code of ['en', 'fr', 'es', 'ru', 'ar', 'th', 'vi', 'km']) expect(html).toContain(`href="/${code}/"`);
  });

  it('answers an unknown page with the 404 of its language', async () => {
    const res = await app.request('/ar/no-such-page/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<html lang="ar" dir="rtl"');
  });

  it('adds the trailing slash Netlify adds', async () => {
    const res = await app.request('/fr/get-help');
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe('/fr/get-help/');
  });

  it('sends the security headers with every answer and never a cookie', async () => {
    for (const path of ['/en/', '/api/health', '/en/missing/', '/favicon.svg']) {
      const res = await app.request(path);
      expect(res.headers.get('Content-Security-Policy'), path).toMatch(/default-src 'none'/);
      expect(res.headers.get('Referrer-Policy'), path).toBe('no-referrer');
      expect(res.headers.get('Set-Cookie'), path).toBeNull();
    }
  });

  it('answers the health check', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('preferredLocale', () => {
  it('follows the quality values and matches regional variants', () => {
    expect(preferredLocale('en;q=0.2, vi-VN;q=0.9')).toBe('vi');
    expect(preferredLocale('zh-CN, ja')).toBe('');
    expect(preferredLocale(undefined)).toBe('');
  });
});

describe('the built pages', () => {
  it('give the content manager its own Content-Security-Policy and every other page the strict one', async () => {
    const admin = (await app.request('/admin/')).headers.get('Content-Security-Policy')!;
    const reading = (await app.request('/km/get-help/')).headers.get('Content-Security-Policy')!;
    expect(admin).toContain("'unsafe-eval'");
    expect(admin).toMatch(/connect-src 'self';/);
    expect(reading).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(reading).toMatch(/^default-src 'none'; script-src 'self' 'sha256-/);
  });

  it('load the content manager on /admin/ only', () => {
    const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('admin'));
    const adminScript = readFileSync('dist/admin/index.html', 'utf8').match(/<script type="module" src="([^"]+)"/)![1];
    for (const page of pages) expect(readFileSync(join('dist', page), 'utf8'), page).not.toContain(adminScript);
  });

  it('inline no script that the Content-Security-Policy does not allow by its hash', async () => {
    const csp = (await app.request('/en/')).headers.get('Content-Security-Policy')!;
    const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const html = readFileSync(join('dist', page), 'utf8');
      // A JSON data block (the admin page's settings) is never run, so the CSP does not apply to it.
      for (const [, body] of html.matchAll(/<script(?![^>]*\s(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(csp, `an inline script in dist/${page}`).toContain(scriptHash(body));
      }
    }
  });
});
