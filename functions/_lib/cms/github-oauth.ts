import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { describeIssues } from '../../../src/utils/content-errors.ts';

/**
 * The GitHub login of the content manager (/admin/, Decap CMS), served by our own functions
 * instead of Netlify's deprecated service. Decap opens /api/auth in a pop-up; we send the browser
 * to GitHub with a random `state`, which we also keep in a short-lived cookie for this path only;
 * GitHub sends it back to /api/auth/callback, where it must match the cookie (so nobody can
 * slip their own login into a staff member's browser); then the code is exchanged for a token,
 * which the pop-up hands to the admin page, and only to a page of our own origin.
 */
const settingsSchema = z.object({
  GITHUB_OAUTH_CLIENT_ID: z.string().min(1),
  GITHUB_OAUTH_CLIENT_SECRET: z.string().min(1),
  /** Where /api/auth is served, as the GitHub OAuth app's callback URL starts: the site by default. */
  CMS_AUTH_URL: z.url().optional(),
  SITE_URL: z.url().optional(),
  /** GitHub, or a GitHub Enterprise server (tests: a fake on loopback). */
  GITHUB_URL: z.url().default('https://github.com'),
});

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** The origin of the admin page and of /api/auth. */
  origin: string;
  githubUrl: string;
}

export function oauthSettings(env: Record<string, string | undefined>): OAuthSettings | string {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) return `the CMS login is not set up: ${describeIssues(parsed.error).join('; ')}`;
  const { GITHUB_OAUTH_CLIENT_ID, GITHUB_OAUTH_CLIENT_SECRET, CMS_AUTH_URL, SITE_URL, GITHUB_URL } = parsed.data;
  const base = CMS_AUTH_URL ?? SITE_URL;
  if (!base) return 'the CMS login is not set up: set SITE_URL (or CMS_AUTH_URL)';
  return { clientId: GITHUB_OAUTH_CLIENT_ID, clientSecret: GITHUB_OAUTH_CLIENT_SECRET, origin: new URL(base).origin, githubUrl: GITHUB_URL.replace(/\/$/, '') };
}

const stateCookie = 'cms_oauth_state';
const callbackPath = '/api/auth/callback';

/** Step 1: to GitHub's authorize page, with a fresh state kept in a cookie for ten minutes. */
export function startLogin(settings: OAuthSettings, scope: string): Response {
  const state = randomBytes(24).toString('base64url');
  const authorize = new URL(`${settings.githubUrl}/login/oauth/authorize`);
  authorize.search = new URLSearchParams({ client_id: settings.clientId, redirect_uri: settings.origin + callbackPath, scope, state }).toString();
  return new Response(null, {
    status: 302,
    headers: {
      Location: authorize.href,
      'Set-Cookie': `${stateCookie}=${state}; Path=/api/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
      'Cache-Control': 'no-store',
    },
  });
}

function cookie(request: Request, name: string): string | undefined {
  const pairs = (request.headers.get('Cookie') ?? '').split(';').map((p) => p.trim().split('='));
  return pairs.find(([key]) => key === name)?.[1];
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [a, b].map((s) => createHash('sha256').update(s).digest());
  return timingSafeEqual(x, y);
}

/** The state GitHub sent back, if it is the one this browser was given. */
export function checkedState(request: Request): string | undefined {
  const sent = new URL(request.url).searchParams.get('state');
  const kept = cookie(request, stateCookie);
  return sent && kept && sameText(sent, kept) ? sent : undefined;
}

/** Step 2: the code GitHub sent back, for a token. Throws with GitHub's reason when it refuses. */
export async function exchangeCode(settings: OAuthSettings, code: string): Promise<string> {
  const response = await fetch(`${settings.githubUrl}/login/oauth/access_token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: settings.clientId, client_secret: settings.clientSecret, code, redirect_uri: settings.origin + callbackPath }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(body.error ?? `GitHub answered ${response.status}`);
  return body.access_token;
}

/**
 * The page that ends the pop-up: Decap's handshake (the pop-up says "authorizing:github", the
 * admin page answers, the pop-up sends the result to that page's origin if it is ours). The
 * script is the same for every login, so the page's CSP allows it by its hash; the result
 * travels as JSON data.
 */
export const handshakeScript =
  "(()=>{const d=JSON.parse(document.getElementById('result').textContent);" +
  "addEventListener('message',(e)=>{if(e.origin===d.origin)window.opener.postMessage(d.message,e.origin)});" +
  "window.opener.postMessage('authorizing:github',d.origin)})()";

export function handshakePage(settings: OAuthSettings, outcome: { token: string } | { error: string }): Response {
  const message =
    'token' in outcome
      ? `authorization:github:success:${JSON.stringify({ token: outcome.token, provider: 'github' })}`
      : `authorization:github:error:${JSON.stringify({ message: outcome.error })}`;
  const data = JSON.stringify({ origin: settings.origin, message }).replace(/</g, '\\u003c');
  const hash = createHash('sha256').update(handshakeScript).digest('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content manager login</title></head><body><p>${
    'token' in outcome ? 'Logged in. This window closes by itself.' : 'The login did not work. Close this window and try again.'
  }</p><script type="application/json" id="result">${data}</script><script>${handshakeScript}</script></body></html>`;
  return new Response(html, {
    status: 'token' in outcome ? 200 : 400,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'sha256-${hash}'; base-uri 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      'Set-Cookie': `${stateCookie}=; Path=/api/auth; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}
