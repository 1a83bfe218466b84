export type FormParams = Record<string, string>;

/**
 * Reads a form-encoded webhook body, refusing one larger than `maxBytes` before reading it all.
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
