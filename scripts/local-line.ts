/**
 * Talking to the running local server as Twilio would, for `npm run sms` and `npm run call`:
 * requests signed with the local development token, and what the line sent meanwhile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twilioSignature } from '../functions/_lib/channels/twilio-signature.ts';

export const defaultUrl = `http://127.0.0.1:${process.env.PORT ?? 4321}`;
export const accountSid = process.env.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(32)}`;

const token = () =>
  process.env.TWILIO_AUTH_TOKEN ??
  JSON.parse(readFileSync(join(process.env.DATA_DIR ?? '.data', 'local-secrets.json'), 'utf8')).authToken;

/** POSTs a webhook to the local server, signed over the public URL as Twilio signs it; returns the answer's text. */
export async function postSigned(url: string, path: string, params: Record<string, string>): Promise<string> {
  const publicBase = (process.env.PUBLIC_BASE_URL ?? url).replace(/\/$/, '');
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(token(), `${publicBase}${path}`, params) },
    body: new URLSearchParams(params),
  });
  const body = await response.text();
  if (!response.ok) {
    console.error(`The line answered ${response.status}: ${body}`);
    process.exit(1);
  }
  return body;
}

export const unescapeXml = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Prints what the line sent since `started` (the local server sends queued messages every 2 seconds). */
export async function showSent(url: string, started: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const outbox = await fetch(`${url}/api/dev/outbox?since=${encodeURIComponent(started)}`, { headers: { Authorization: `Bearer ${token()}` } });
  if (!outbox.ok) {
    console.log(`(cannot show what responders received: the server answered ${outbox.status})`);
    return;
  }
  const { messages } = (await outbox.json()) as { messages: { to: string; purpose: string; body: string }[] };
  for (const m of messages) console.log(`Sent to ${m.to} (${m.purpose}): ${m.body}`);
  if (!messages.length) console.log('(nothing else was sent)');
}
