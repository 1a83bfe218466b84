import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import auth from '../../functions/auth.ts';
import authCallback from '../../functions/auth-callback.ts';
import { handshakeScript } from '../../functions/_lib/cms/github-oauth.ts';

/** GitHub's token endpoint on loopback: code "good" gets a token, anything else an error. */
const exchanges: Record<string, unknown>[] = [];
const github = new Hono().post('/login/oauth/access_token', async (c) => {
  const body = await c.req.json();
  exchanges.push(body);
  return body.code === 'good' ? c.json({ access_token: 'gho_token', token_type: 'bearer' }) : c.json({ error: 'bad_verification_code' });
});
let server: ReturnType<typeof serve>;
let githubUrl: string;

beforeAll(async () => {
  server = await new Promise((done) => {
    const s = serve({ fetch: github.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  githubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(() => {
  exchanges.length = 0;
  vi.unstubAllEnvs();
  vi.stubEnv('GITHUB_OAUTH_CLIENT_ID', 'client-id');
  vi.stubEnv('GITHUB_OAUTH_CLIENT_SECRET', 'client-secret');
  vi.stubEnv('SITE_URL', 'https://site.example');
  vi.stubEnv('GITHUB_URL', githubUrl);
});

async function startedLogin() {
  const response = await auth(new Request('https://site.example/api/auth?provider=github&site_id=site.example&scope=repo'));
  const location = new URL(response.headers.get('Location')!);
  const cookie = response.headers.get('Set-Cookie')!.split(';')[0];
  return { response, location, cookie, state: location.searchParams.get('state')! };
}

const callback = (query: string, cookie?: string) =>
  authCallback(new Request(`https://site.example/api/auth/callback?${query}`, { headers: cookie ? { Cookie: cookie } : {} }));

describe('the CMS login through GitHub (functions/auth.ts, functions/auth-callback.ts)', () => {
  it('says what is missing when it is not set up', async () => {
    vi.stubEnv('GITHUB_OAUTH_CLIENT_SECRET', '');
    const response = await auth(new Request('https://site.example/api/auth?provider=github'));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('GITHUB_OAUTH_CLIENT_SECRET');
  });

  it('sends the browser to GitHub with a fresh state, kept in a cookie for /api/auth only', async () => {
    const { response, location, cookie, state } = await startedLogin();
    expect(response.status).toBe(302);
    expect(location.origin + location.pathname).toBe(`${githubUrl}/login/oauth/authorize`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ client_id: 'client-id', redirect_uri: 'https://site.example/api/auth/callback', scope: 'repo' });
    expect(state).toMatch(/^[\w-]{32}$/);
    expect(cookie).toBe(`cms_oauth_state=${state}`);
    expect(response.headers.get('Set-Cookie')).toMatch(/Path=\/api\/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax/);
    expect((await startedLogin()).state).not.toBe(state);
  });

  it('refuses a callback whose state this browser was not given, before asking GitHub for anything', async () => {
    const { state } = await startedLogin();
    expect((await callback(`code=good&state=${state}`)).status).toBe(403);
    expect((await callback(`code=good&state=${state}`, 'cms_oauth_state=someone-elses')).status).toBe(403);
    expect((await callback('code=good', `cms_oauth_state=${state}`)).status).toBe(403);
    expect(exchanges).toEqual([]);
  });

  it('exchanges the code and hands the token to the admin page of our own origin only', async () => {
    const { state, cookie } = await startedLogin();
    const response = await callback(`code=good&state=${state}`, cookie);
    expect(response.status).toBe(200);
    expect(exchanges).toEqual([{ client_id: 'client-id', client_secret: 'client-secret', code: 'good', redirect_uri: 'https://site.example/api/auth/callback' }]);
    const html = await response.text();
    const data = JSON.parse(html.match(/<script type="application\/json" id="result">(.*?)<\/script>/)![1]);
    expect(data).toEqual({ origin: 'https://site.example', message: 'authorization:github:success:{"token":"gho_token","provider":"github"}' });
    expect(html).toContain(`<script>${handshakeScript}</script>`);
    const hash = createHash('sha256').update(handshakeScript).digest('base64');
    expect(response.headers.get('Content-Security-Policy')).toBe(`default-src 'none'; script-src 'sha256-${hash}'; base-uri 'none'; frame-ancestors 'none'`);
    expect(response.headers.get('Set-Cookie')).toMatch(/^cms_oauth_state=; .*Max-Age=0/);
  });

  it('ends the pop-up with GitHub’s reason when GitHub refuses the code', async () => {
    const { state, cookie } = await startedLogin();
    const response = await callback(`code=stale&state=${state}`, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('authorization:github:error:{\\"message\\":\\"bad_verification_code\\"}');
  });
});
