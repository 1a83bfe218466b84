import { tipline } from './_lib/tipline.ts';
import { readForm } from './_lib/channels/request.ts';
import { addToReport, deleteReport, openReport, submitReport, type Client, type WebLine } from './_lib/channels/web/reports.ts';
import type { FormParams } from './_lib/channels/request.ts';
import { secured } from './_lib/secure-headers.ts';

/**
 * The web report (src/pages/[lang]/report/): plain HTML forms, posted without JavaScript.
 *   POST /api/tips          a new report; the answer is its receipt, shown once
 *   POST /api/tips/open     a report opened with its receipt: what was written and the answers
 *   POST /api/tips/add      more information on a report
 *   POST /api/tips/delete   the report erased, at its reporter's request
 * Every answer is a page in the reader's language, never cached. The client's address is used
 * only hashed, for rate limits; nothing of the report or the receipt is ever logged.
 */
const actions: Record<string, (line: WebLine, params: FormParams, client: Client) => Promise<Response>> = {
  '/api/tips': submitReport,
  '/api/tips/open': openReport,
  '/api/tips/add': addToReport,
  '/api/tips/delete': deleteReport,
};

/** Five thousand characters of Khmer, form-encoded, with room to spare. */
const MAX_FORM_BYTES = 64 * 1024;

export async function handleTips(request: Request, line: WebLine, client: Client): Promise<Response> {
  const action = actions[new URL(request.url).pathname.replace(/\/$/, '')];
  if (!action) return new Response('Not found', { status: 404 });
  const params = await readForm(request, MAX_FORM_BYTES);
  if (params instanceof Response) return params;
  return action(line, params, client);
}

/** Netlify gives the client's address as context.ip; the local server does the same. */
async function tips(request: Request, context?: { ip?: string }): Promise<Response> {
  return handleTips(request, await tipline(), { address: context?.ip });
}

export default secured(tips);

// Written out: Netlify reads a function's config without running it, so a computed list routes nothing.
export const config = { path: ['/api/tips', '/api/tips/open', '/api/tips/add', '/api/tips/delete'] };
