import { checkedState, exchangeCode, handshakePage, oauthSettings } from './_lib/cms/github-oauth.ts';
import { secured } from './_lib/secure-headers.ts';

/**
 * GET /api/auth/callback?code&state: GitHub sends the staff member back here. A state that is not
 * the one their browser was given gets 403 and no token; a code GitHub refuses ends the pop-up
 * with the reason.
 */
async function authCallback(request: Request): Promise<Response> {
  const settings = oauthSettings(process.env);
  if (typeof settings === 'string') return new Response(`Unavailable: ${settings}`, { status: 503 });
  if (!checkedState(request)) return new Response('Forbidden: this login was not started in this browser', { status: 403 });
  const code = new URL(request.url).searchParams.get('code');
  if (!code) return handshakePage(settings, { error: 'GitHub sent no code' });
  try {
    return handshakePage(settings, { token: await exchangeCode(settings, code) });
  } catch (error) {
    return handshakePage(settings, { error: (error as Error).message });
  }
}

export default secured(authCallback);

export const config = { path: '/api/auth/callback' };
