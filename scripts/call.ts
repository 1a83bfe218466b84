/**
 * npm run call -- --from +85512345678 <language key> <choice> [--country KH] [--url http://127.0.0.1:4321]
 *
 * Makes a call to the running local server as Twilio would, step by step (each step signed with
 * the local development token), and prints what the caller hears. The keys are those a caller
 * would press: the language (1 English … 8 Khmer), then, as nobody answers, 1 to leave a message
 * or 2 for the safety information by SMS. In local mode there is no line number to call
 * responders from, so nobody is rung. A message left here is a made-up recording of 30 seconds.
 *
 *   npm run call -- --from +85512345678 8 2     a Khmer caller asks for the SMS
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
const [language, choice] = positionals;
if (!values.from || !language || !choice) {
  console.error('Usage: npm run call -- --from +85512345678 <language key 1-8> <1: a message | 2: the SMS> [--country KH]');
  process.exit(2);
}

const call = {
  CallSid: `CA${crypto.randomUUID().replace(/-/g, '')}`,
  AccountSid: accountSid,
  From: values.from,
  To: '+10000000000',
  ...(values.country ? { FromCountry: values.country } : {}),
};
const started = new Date(Date.now() - 1000).toISOString();

/** One step of the call: prints what the caller hears, returns where TwiML sends them next. */
async function step(path: string, extra: Record<string, string> = {}): Promise<string> {
  const twiml = await postSigned(values.url!, path, { ...call, ...extra });
  // What follows a <Record> is heard only by a caller who says nothing.
  for (const [, verb, words] of twiml.split('<Record')[0].matchAll(/<(Say|Play)\b[^>]*>([^<]*)<\/\1>/g)) {
    console.log(verb === 'Say' ? `  «${unescapeXml(words)}»` : `  (plays ${words})`);
  }
  if (twiml.includes('<Dial')) console.log('  (rings the on-call responders)');
  if (twiml.includes('<Record')) console.log('  (beep: the message is recorded)');
  return twiml;
}

const lang = (twiml: string) => /lang=(\w+)/.exec(twiml)?.[1] ?? 'en';
console.log('The line answers:');
await step('/api/voice');
console.log(`The caller presses ${language}:`);
const chosen = await step('/api/voice/language', { Digits: language });
const locale = lang(chosen);
console.log('Nobody answers:');
await step(`/api/voice/dialed?lang=${locale}`, { DialCallStatus: 'no-answer' });
console.log(`The caller presses ${choice}:`);
const next = await step(`/api/voice/choice?lang=${locale}`, { Digits: choice });
if (next.includes('<Record')) {
  console.log('The caller speaks, then presses #:');
  await step(`/api/voice/recorded?lang=${locale}`, { RecordingSid: `RE${crypto.randomUUID().replace(/-/g, '')}`, RecordingDuration: '30' });
}
await showSent(values.url!, started);
