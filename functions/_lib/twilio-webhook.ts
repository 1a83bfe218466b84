import twilio from 'twilio';

export type FormParams = Record<string, string>;

/**
 * Reads a Twilio webhook body, refusing one larger than `maxBytes` before reading it all.
 * Returns the form fields, or a Response to send instead.
 */
export async function readForm(request: Request, maxBytes: number): Promise<FormParams | Response> {
  if (request.method !== 'POST') return new Response('Method not allowed: use POST', { status: 405, headers: { Allow: 'POST' } });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return new Response(`Request body too large: at most ${maxBytes} bytes`, { status: 413 });
  const body = await request.text();
  if (Buffer.byteLength(body) > maxBytes) return new Response(`Request body too large: at most ${maxBytes} bytes`, { status: 413 });
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * Twilio signs every webhook with the account's auth token over the exact public URL it called
 * (scheme, host, path and query) and the form fields. Behind a proxy or on a local port the Host
 * header is not that URL, so it is rebuilt from the configured public base URL.
 */
export function signedUrl(request: Request, publicBaseUrl: string): string {
  const { pathname, search } = new URL(request.url);
  return `${publicBaseUrl}${pathname}${search}`;
}

export function isSignedByTwilio(request: Request, params: FormParams, authToken: string, publicBaseUrl: string): boolean {
  const signature = request.headers.get('x-twilio-signature');
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, signedUrl(request, publicBaseUrl), params);
}

/** Signs a request as Twilio would: for local mode's simulator and for tests. */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

export function twiml(message: string | null): Response {
  const response = new twilio.twiml.MessagingResponse();
  if (message) response.message(message);
  return new Response(response.toString(), { headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' } });
}
