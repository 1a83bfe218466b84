/**
 * npm run sms -- --from +85512345678 "message text" [--country KH] [--url http://127.0.0.1:4321]
 *
 * Sends a text to the running local server exactly as Twilio would (signed with the local
 * development token) and prints the line's answer, so staff can try and train on the line
 * without a Twilio account or a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { twilioSignature } from '../functions/_lib/channels/twilio-signature.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    country: { type: 'string' },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 4321}` },
  },
});
const text = positionals.join(' ');
if (!values.from || !text) {
  console.error('Usage: npm run sms -- --from +85512345678 "message text" [--country KH] [--url http://127.0.0.1:4321]');
  process.exit(2);
}

const token =
  process.env.TWILIO_AUTH_TOKEN ??
  JSON.parse(readFileSync(join(process.env.DATA_DIR ?? '.data', 'local-secrets.json'), 'utf8')).authToken;
const publicBase = (process.env.PUBLIC_BASE_URL ?? values.url!).replace(/\/$/, '');
const params: Record<string, string> = {
  MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
  AccountSid: process.env.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(32)}`,
  From: values.from,
  To: '+10000000000',
  Body: text,
  ...(values.country ? { FromCountry: values.country } : {}),
};
const started = new Date(Date.now() - 1000).toISOString();
const response = await fetch(`${values.url}/api/sms`, {
  method: 'POST',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Twilio-Signature': twilioSignature(token, `${publicBase}/api/sms`, params),
  },
  body: new URLSearchParams(params),
});
const body = await response.text();
if (!response.ok) {
  console.error(`The line answered ${response.status}: ${body}`);
  process.exit(1);
}
const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const reply = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1];
console.log(reply ? `Reply to ${values.from}: ${unescape(reply)}` : '(no automatic reply)');

// The local server sends queued messages every 2 seconds; then show what went out.
await new Promise((resolve) => setTimeout(resolve, 3000));
const outbox = await fetch(`${values.url}/api/dev/outbox?since=${encodeURIComponent(started)}`, {
  headers: { Authorization: `Bearer ${token}` },
});
if (outbox.ok) {
  const { messages } = (await outbox.json()) as { messages: { to: string; purpose: string; body: string }[] };
  for (const m of messages) console.log(`Sent to ${m.to} (${m.purpose}): ${m.body}`);
  if (!messages.length) console.log('(nothing else was sent)');
} else {
  console.log(`(cannot show what responders received: the server answered ${outbox.status})`);
}
