import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleVoice, type VoiceSetup } from '../../functions/voice';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import { purgeExpired } from '../../functions/_lib/jobs/retention';
import { loadVoiceTexts } from '../../functions/_lib/content';
import { promptsOf, recordingPath } from '../../functions/_lib/channels/voice/prompts';
import type { Tipline } from '../../functions/_lib/tipline';
import { ACCOUNT_SID, PIN, databases, freshTipline, givePins, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';
import { reinstate, revoke } from '../../functions/_lib/store/responder-access';

// The voice line driven as Twilio drives it: each step of a call a signed webhook, each answer TwiML.
const LINE_NUMBER = '+85523900100';
const CALLER = '+85512345678';
const SOKHA = '+85523990001';
const DARA = '+85523990002';

let sids = 0;
const sid = (prefix: 'CA' | 'RE') => `${prefix}${(++sids).toString(16).padStart(32, '0')}`;

/** A call's fields as Twilio posts them to each step. */
function callFrom(from: string, callSid = sid('CA'), extra: Record<string, string> = {}) {
  return { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: LINE_NUMBER, FromCountry: 'KH', CallStatus: 'in-progress', FromCity: 'PHNOM PENH', ...extra };
}

/** What a caller hears: the words of every <Say>, and the files of every <Play>, in order. */
function heard(twiml: string): string[] {
  return [...twiml.matchAll(/<(Say|Play)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]);
}
const sayLanguages = (twiml: string) => [...twiml.matchAll(/<Say\b[^>]*language="([^"]+)"/g)].map((m) => m[1]);

describe.each(databases)('the voice line on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const setup: VoiceSetup = { texts: loadVoiceTexts(), audio: new Set() };
  const logged: string[] = [];
  /** The recordings the line keeps, as Twilio holds them. */
  const kept = new Set<string>();

  /** One step of a call: Twilio's signed webhook to /api/voice<path>, and the line's TwiML. */
  async function step(path: string, params: Record<string, string>, on = line, audio = setup.audio): Promise<string> {
    const response = await handleVoice(twilioRequest(params, { path: `/api/voice${path}` }), on, { ...setup, audio });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/xml');
    return response.text();
  }

  /** A caller who chose a language, reached nobody and left a message: returns the tip's ref. */
  async function leaveMessage(call: Record<string, string>, lang: string, seconds = 42): Promise<{ ref: string; recording: string }> {
    await step(`/dialed?lang=${lang}`, { ...call, DialCallStatus: 'no-answer' });
    const record = await step(`/choice?lang=${lang}`, { ...call, Digits: '1' });
    expect(record).toContain(`<Record action="https://tips.example.org/api/voice/recorded?lang=${lang}"`);
    const recording = sid('RE');
    fake.holdRecord(recording);
    await step(`/recorded?lang=${lang}`, { ...call, RecordingSid: recording, RecordingDuration: String(seconds), RecordingUrl: `https://api.twilio.com/x/Recordings/${recording}` });
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    kept.add(recording);
    return { ref, recording };
  }

  beforeAll(async () => {
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    fake = await startFakeTwilio();
    line = await freshTipline(database, {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_PHONE_NUMBER: LINE_NUMBER, TWILIO_API_BASE_URL: fake.url,
      LINE_COUNTRY: 'KH', RETENTION_DAYS: '30', TWILIO_ERASE_DELAY_SECONDS: '0',
    });
    await givePins(line);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await line.db.destroy();
    await fake.close();
  });

  it('refuses an unsigned or forged step, and a malformed one, storing nothing', async () => {
    const call = callFrom(CALLER);
    const unsigned = await handleVoice(twilioRequest(call, { path: '/api/voice', signature: null }), line, setup);
    expect(unsigned.status).toBe(403);
    const forged = await handleVoice(twilioRequest(call, { path: '/api/voice', token: 'f'.repeat(32) }), line, setup);
    expect(forged.status).toBe(403);
    const malformed = await handleVoice(twilioRequest({ ...call, CallSid: 'not-a-call' }, { path: '/api/voice' }), line, setup);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('CallSid');
    expect(await line.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('greets in the line\'s language, then offers each language in its own words', async () => {
    const twiml = await step('', callFrom(CALLER));
    expect(twiml).toContain('<Gather numDigits="1" timeout="5" action="https://tips.example.org/api/voice/language"');
    const words = heard(twiml);
    // Cambodia's line: Khmer first. Twilio has no Khmer voice and nobody recorded it: English says so.
    expect(words[0]).toBe('You have reached a confidential help line.');
    expect(words[1]).toBe('For Khmer, press 8.');
    expect(words).toContain('Pour le français, tapez 2.');
    expect(words).toContain('ภาษาไทย กด 6');
    expect(sayLanguages(twiml)).toEqual(expect.arrayContaining(['fr-FR', 'th-TH', 'ar-XA', 'vi-VN', 'ru-RU', 'es-ES']));
  });

  it('speaks the safety line in the chosen language and rings the on-call responders, never showing the caller\'s number', async () => {
    const twiml = await step('/language', callFrom(CALLER, sid('CA'), { Digits: '6' }));
    // Cambodia's 117 has no check record (content/hotlines/kh.yaml), so the line gives 112.
    expect(heard(twiml)[0]).toContain('1 1 2');
    expect(sayLanguages(twiml)[0]).toBe('th-TH');
    // A live call is urgent: Cambodia's urgent route, its caseworkers.
    expect(twiml).toMatch(new RegExp(`<Dial callerId="\\${LINE_NUMBER}" timeout="25" answerOnBridge="true" action="https://tips.example.org/api/voice/dialed\\?lang=th"`));
    expect(twiml).toContain(`<Number url="https://tips.example.org/api/voice/screen?lang=th">${SOKHA}</Number>`);
    expect(twiml).toContain(`<Number url="https://tips.example.org/api/voice/screen?lang=th">${DARA}</Number>`);
    expect(twiml).not.toContain(CALLER);
  });

  it('never rings a responder staff have revoked', async () => {
    await revoke(line.db, line.responders.byPhone.get(DARA)!.key);
    try {
      const twiml = await step('/language', callFrom(CALLER, sid('CA'), { Digits: '1' }));
      expect(twiml).toContain(`>${SOKHA}</Number>`);
      expect(twiml).not.toContain(DARA);
    } finally {
      await reinstate(line.db, line.responders.byPhone.get(DARA)!.key);
    }
  });

  it('connects a responder who presses 1, and ends the call when they hang up', async () => {
    const call = callFrom(CALLER);
    const leg = callFrom(LINE_NUMBER, sid('CA'), { ParentCallSid: call.CallSid });
    const screen = await step('/screen?lang=vi', leg);
    expect(heard(screen)).toEqual(['A call to the tip line, in Vietnamese. Press 1 to take it.']);
    expect(screen).toMatch(/<\/Gather><Hangup\/>/);
    expect(await step('/accept', { ...leg, Digits: '1' })).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    // The conversation took place: no message is offered afterwards.
    expect(await step('/dialed?lang=vi', { ...call, DialCallStatus: 'completed' })).toContain('<Hangup/>');
    expect(heard(await step('/dialed?lang=vi', { ...call, DialCallStatus: 'completed' }))).toEqual([]);
  });

  it('hangs up on a voicemail box that presses nothing, and then offers the caller a message', async () => {
    const call = callFrom(CALLER);
    const leg = callFrom(LINE_NUMBER, sid('CA'), { ParentCallSid: call.CallSid });
    expect(await step('/accept', leg)).toContain('<Hangup/>');
    const offer = heard(await step('/dialed?lang=en', { ...call, DialCallStatus: 'completed' }));
    expect(offer).toContain('To leave a message, press 1.');
  });

  it('tells the caller, when nobody answers, how a message is kept and who hears it, from the line\'s settings', async () => {
    const twiml = await step('/dialed?lang=en', { ...callFrom(CALLER), DialCallStatus: 'no-answer' });
    expect(heard(twiml)).toEqual([
      'Nobody can answer right now.',
      'You can leave a message. It will be recorded and kept for 30 days, and only our responders will listen to it.',
      'To leave a message, press 1.',
      'To get our safety information by text message instead, press 2.',
    ]);
  });

  it('makes a message a tip routed like an SMS tip, once, and lets its responders hear it through a link that expires', async () => {
    fake.sent.length = 0;
    const call = callFrom(CALLER);
    const { ref, recording } = await leaveMessage(call, 'th');
    // Twilio retries the last step: still one tip, one recording.
    await step('/recorded?lang=th', { ...call, RecordingSid: recording, RecordingDuration: '42' });
    const tips = await line.db.selectFrom('tips').selectAll().where('ref', '=', ref).execute();
    expect(tips).toMatchObject([{ channel: 'voice', locale: 'th', country: 'KH', urgency: 'urgent' }]);
    expect((await line.db.selectFrom('recordings').select('seconds').execute()).length).toBe(1);

    await drainOutbox(line);
    expect(fake.sent.map((m) => m.to).sort()).toEqual([SOKHA, DARA]);
    expect(fake.sent[0].body).toContain(`New tip ${ref}`);
    expect(fake.sent[0].body).toContain('Voice message, 42 s, in Thai');
    expect(JSON.stringify(fake.sent)).not.toContain(CALLER);

    const answer = await replyIn(await handleSms(twilioRequest(sms(SOKHA, `LISTEN ${ref} ${PIN}`)), line));
    const link = /https:\/\/tips\.example\.org(\/api\/voice\/recording\?t=\S+)/.exec(answer!)?.[1];
    expect(link).toBeTruthy();
    expect(link).not.toContain(recording);
    // The tip is still open to whoever takes it.
    expect((await line.db.selectFrom('tips').select('claimed_by').where('ref', '=', ref).executeTakeFirstOrThrow()).claimed_by).toBeNull();

    const played = await handleVoice(new Request(`http://127.0.0.1:4321${link}`), line, setup);
    expect(played.status).toBe(200);
    expect(played.headers.get('Content-Type')).toBe('audio/mpeg');
    expect(played.headers.get('Cache-Control')).toBe('no-store');
    expect(await played.text()).toBe(`ID3 audio of ${recording}`);

    const tampered = await handleVoice(new Request(`http://127.0.0.1:4321${link!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`), line, setup);
    expect(tampered.status).toBe(403);
    vi.useFakeTimers({ now: Date.now() + 61 * 60_000, toFake: ['Date'] });
    try {
      expect((await handleVoice(new Request(`http://127.0.0.1:4321${link}`), line, setup)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks a responder for the PIN before giving a link', async () => {
    const { ref } = await leaveMessage(callFrom('+85512000001'), 'km');
    await line.db.updateTable('responders').set({ session_until: null }).execute();
    expect(await replyIn(await handleSms(twilioRequest(sms(DARA, `LISTEN ${ref}`)), line))).toContain(`LISTEN ${ref} <PIN>`);
  });

  it('sends the safety information by SMS instead, in the caller\'s language, once', async () => {
    fake.sent.length = 0;
    const call = callFrom('+85512000002');
    await step('/dialed?lang=vi', { ...call, DialCallStatus: 'busy' });
    const twiml = await step('/choice?lang=vi', { ...call, Digits: '2' });
    expect(twiml).toContain('<Hangup/>');
    await step('/choice?lang=vi', { ...call, Digits: '2' });
    await drainOutbox(line);
    const toCaller = fake.sent.filter((m) => m.to === '+85512000002');
    expect(toCaller).toHaveLength(1);
    expect(toCaller[0].body).toContain('112');
    expect(toCaller[0].body).toMatch(/Gọi|gọi/);
  });

  it('goes on in English for a Khmer caller when nobody recorded Khmer, and offers the information in Khmer by SMS', async () => {
    fake.sent.length = 0;
    const call = callFrom('+85512000003');
    const chosen = await step('/language', { ...call, Digits: '8' });
    expect(heard(chosen)[0]).toBe('We cannot speak Khmer on this line yet, so we continue in English. We can send you our safety information in Khmer by text message.');
    expect(heard(chosen)[1]).toBe('If you are in danger right now, hang up and call 1 1 2.');
    expect(new Set(sayLanguages(chosen))).toEqual(new Set(['en-US']));
    const offer = await step('/dialed?lang=km', { ...call, DialCallStatus: 'no-answer' });
    expect(heard(offer)).toContain('To get our safety information by text message instead, press 2.');
    await step('/choice?lang=km', { ...call, Digits: '2' });
    await drainOutbox(line);
    expect(fake.sent.find((m) => m.to === '+85512000003')?.body).toMatch(/[\u1780-\u17ff]/);
  });

  it('plays staff\'s recordings of the exact words, before any text-to-speech', async () => {
    const values = { emergency: '112', days: 30 };
    const khmer = new Set(promptsOf(setup.texts, 'km', values).map(recordingPath));
    const chosen = await step('/language', callFrom(CALLER, sid('CA'), { Digits: '8' }), line, khmer);
    expect(chosen).not.toContain('We cannot speak Khmer');
    expect(chosen).toMatch(/<Play>https:\/\/tips\.example\.org\/audio\/km\/safety-[0-9a-f]{8}\.mp3<\/Play>/);
    expect(sayLanguages(chosen)).toEqual([]);
    // Words changed since (another retention period): that recording is not played.
    const other = await step('/dialed?lang=km', { ...callFrom(CALLER), DialCallStatus: 'no-answer' }, line, new Set(promptsOf(setup.texts, 'km', { ...values, days: 90 }).map(recordingPath)));
    expect(other).not.toContain('recordingNotice-');
    expect(heard(other)).toContain('You can leave a message. It will be recorded and kept for 30 days, and only our responders will listen to it.');
  });

  it('keeps a caller who withheld their number apart, and texts them nothing', async () => {
    const call = callFrom('anonymous', sid('CA'), { FromCountry: '' });
    const offer = heard(await step('/dialed?lang=en', { ...call, DialCallStatus: 'no-answer' }));
    expect(offer).not.toContain('To get our safety information by text message instead, press 2.');
    const { ref } = await leaveMessage(call, 'en');
    const conversation = await line.db.selectFrom('conversations').innerJoin('tips', 'tips.conversation_id', 'conversations.id')
      .select('reporter_number_sealed').where('tips.ref', '=', ref).executeTakeFirstOrThrow();
    expect(conversation.reporter_number_sealed).toBeNull();
    const answer = await replyIn(await handleSms(twilioRequest(sms('+15005550006', `#${ref} ${PIN} are you safe?`)), line));
    expect(answer).toContain('withheld their number');
  });

  it('erases the call\'s record at Twilio, and the recording when the caller deletes their conversation', async () => {
    const call = callFrom('+85512000004');
    fake.holdRecord(call.CallSid);
    await step('', call);
    const { recording } = await leaveMessage(call, 'en');
    await drainOutbox(line);
    expect(fake.holdsRecord(call.CallSid)).toBe(false);
    expect(fake.holdsRecord(recording)).toBe(true);
    for (let i = 0; i < 2; i++) await handleSms(twilioRequest(sms('+85512000004', 'DELETE')), line);
    await drainOutbox(line);
    expect(fake.holdsRecord(recording)).toBe(false);
    kept.delete(recording);
  });

  it('erases every recording at Twilio at the end of the retention period', async () => {
    expect([...kept].filter(fake.holdsRecord)).toHaveLength(kept.size);
    await purgeExpired(line, new Date(Date.now() + 31 * 86_400_000));
    expect(await line.db.selectFrom('recordings').select('id').execute()).toEqual([]);
    await drainOutbox(line);
    expect([...kept].filter(fake.holdsRecord)).toEqual([]);
  });

  it('erases at once a message too short to hear', async () => {
    const call = callFrom(CALLER);
    const recording = sid('RE');
    fake.holdRecord(recording);
    await step('/recorded?lang=en', { ...call, RecordingSid: recording, RecordingDuration: '0' });
    await drainOutbox(line);
    expect(fake.holdsRecord(recording)).toBe(false);
  });

  it('logged nothing of a caller or a recording', () => {
    const all = logged.join('\n');
    expect(all).not.toMatch(/\+8551|RE0{10}|PHNOM/);
  });
});

describe('a silent line (AUTO_REPLY=off)', () => {
  it('never offers the SMS, and sends nothing when the key is pressed anyway', async () => {
    const fake = await startFakeTwilio();
    const line = await freshTipline(databases[0], {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_PHONE_NUMBER: LINE_NUMBER, TWILIO_API_BASE_URL: fake.url, AUTO_REPLY: 'off',
    });
    const setup: VoiceSetup = { texts: loadVoiceTexts(), audio: new Set() };
    const call = callFrom(CALLER);
    const offer = await (await handleVoice(twilioRequest({ ...call, DialCallStatus: 'no-answer' }, { path: '/api/voice/dialed?lang=en' }), line, setup)).text();
    expect(heard(offer)).not.toContain('To get our safety information by text message instead, press 2.');
    expect(heard(offer)).toContain('To leave a message, press 1.');
    const pressed = await (await handleVoice(twilioRequest({ ...call, Digits: '2' }, { path: '/api/voice/choice?lang=en' }), line, setup)).text();
    expect(heard(pressed)).toEqual(['We did not hear anything. You can call again at any time. Goodbye.']);
    await drainOutbox(line);
    expect(fake.sent).toEqual([]);
    await line.db.destroy();
    await fake.close();
  });
});
