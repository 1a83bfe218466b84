import { securityHeaders } from '../../src/safety/security-headers.ts';

/**
 * The site's security headers, for the functions' answers (TwiML, JSON, plain text): they load
 * and run nothing (`default-src 'none'`), and none may be kept by a browser or a proxy (no-store).
 * On Netlify the site's `_headers` never reach a function, so each function sends them itself.
 */
export const functionHeaders: Record<string, string> = {
  ...securityHeaders([]),
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

/** A function as Netlify calls it: the request, and its context (`context.ip`, the client's address). */
type Handler<Context> = (request: Request, context?: Context) => Promise<Response>;

/**
 * A function whose every answer carries `functionHeaders`, where it does not set a header itself
 * (the CMS login page sends the CSP of its own script). If the function fails, for instance
 * because the tip line refuses its settings, the reason goes to the log, not to the caller.
 */
export function secured<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      console.error(`${new URL(request.url).pathname} failed: ${(error as Error).message}`);
      response = new Response('Temporarily unavailable, please retry', { status: 503 });
    }
    const missing = Object.entries(functionHeaders).filter(([name]) => !response.headers.has(name));
    try {
      // In place, so that a text body stays text for the server (a copied Response's body is a stream).
      for (const [name, value] of missing) response.headers.set(name, value);
      return response;
    } catch {
      // Some responses' headers are immutable (Response.redirect): copy it then.
      const headers = new Headers(response.headers);
      for (const [name, value] of missing) headers.set(name, value);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
  };
}
