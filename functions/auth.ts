import { oauthSettings, startLogin } from './_lib/cms/github-oauth.ts';
import { secured } from './_lib/secure-headers.ts';

/**
 * GET /api/auth?provider=github&scope=repo: the content manager's GitHub login starts here (Decap
 * opens it in a pop-up). Not set up: 503 with what is missing.
 */
async function auth(request: Request): Promise<Response> {
  const settings = oauthSettings(process.env);
  if (typeof settings === 'string') return new Response(`Unavailable: ${settings}`, { status: 503 });
  const params = new URL(request.url).searchParams;
  if (params.get('provider') !== 'github') return new Response('Bad request: provider must be github', { status: 400 });
  const scope = params.get('scope') === 'public_repo' ? 'public_repo' : 'repo';
  return startLogin(settings, scope);
}

export default secured(auth);

export const config = { path: '/api/auth' };
