/**
 * npm run sms -- --from +85512345678 "message text" [--country KH] [--url http://127.0.0.1:4321]
 *
 * Sends a text to the running local server exactly as Twilio would (signed with the local
 * development token) and prints the line's answer, so staff can try and train on the line
 * without a Twilio account or a phone.
 */
import { parseArgs } from 'node:util';
import { accountSid, defaultUrl, postSigned, showSent, unescapeXml } from './local-line.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    country: { type: 'string' },
    url: { type: 'string', default: defaultUrl },
  },
});
const text = positionals.join(' ');
if (!values.from || !text) {
  console.error('Usage: npm run sms -- --from +85512345678 "message text" [--country KH] [--url http://127.0.0.1:4321]');
  process.exit(2);
}

const params: Record<string, string> = {
  MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
  AccountSid: accountSid,
  From: values.from,
  To: '+10000000000',
  Body: text,
  ...(values.country ? { FromCountry: values.country } : {}),
};
const started = new Date(Date.now() - 1000).toISOString();
const body = await postSigned(values.url!, '/api/sms', params);
const reply = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1];
console.log(reply ? `Reply to ${values.from}: ${unescapeXml(reply)}` : '(no automatic reply)');
await showSent(values.url!, started);
