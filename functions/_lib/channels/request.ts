export type FormParams = Record<string, string>;

const tooLarge = (maxBytes: number) => new Response(`Request body too large: at most ${maxBytes} bytes`, { status: 413 });

/**
 * The body as text, read only up to `maxBytes`: a larger one, whatever its Content-Length says
 * (or without one), is cancelled as soon as it passes the limit, so it never fills the memory.
 */
async function textUpTo(request: Request, maxBytes: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

/**
 * Reads a form-encoded webhook body, refusing one larger than `maxBytes`: at once when it says so,
 * else while reading it. Returns the form fields, or a Response to send instead.
 */
export async function readForm(request: Request, maxBytes: number): Promise<FormParams | Response> {
  if (request.method !== 'POST') return new Response('Method not allowed: use POST', { status: 405, headers: { Allow: 'POST' } });
  const declared = request.headers.get('content-length');
  if (Number(declared ?? 0) > maxBytes) return tooLarge(maxBytes);
  // With a Content-Length the HTTP server reads exactly that many bytes, which is within the limit;
  // without one (chunked), the body is counted as it is read.
  const body = declared === null ? await textUpTo(request, maxBytes) : await request.text();
  if (body === undefined) return tooLarge(maxBytes);
  return Object.fromEntries(new URLSearchParams(body));
}
