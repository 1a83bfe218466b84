import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { deliver, drainAll, readQueued } from '../../functions/_lib/outbox/delivery';
import { purgeExpired } from '../../functions/_lib/jobs/retention';
import type { Tipline } from '../../functions/_lib/tipline';
import { PIN, databases, freshTipline, givePins, messageSid, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const CASEWORKERS = ['+85523990001', '+85523990002'];
const LINE_NUMBER = '+85523900100';
let reporters = 0;
const newReporter = () => `+8551400${String(++reporters).padStart(4, '0')}`;

describe.each(databases)('erasure at Twilio on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  /** Texts the line through the fake Twilio, which then holds the message, as Twilio does. */
  async function text(from: string, body: string, extra: Record<string, string> = {}) {
    const params = sms(from, body, { FromCountry: 'KH', ...extra });
    fake.received(params);
    const reply = await replyIn(await handleSms(twilioRequest(params), line));
    // Twilio keeps the reply it sent from the TwiML too.
    if (reply) fake.received({ MessageSid: messageSid(), From: LINE_NUMBER, To: from, Body: reply });
    return { reply, params };
  }
  const work = () => drainAll(line);

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_PHONE_NUMBER: LINE_NUMBER, TWILIO_API_BASE_URL: fake.url,
      TWILIO_ERASE_DELAY_SECONDS: '0', REPLY_INTERVAL_MINUTES: '0',
    });
    await givePins(line);
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });
  beforeEach(() => {
    fake.sent.length = 0;
  });

  it('erases each message at Twilio once it is stored', async () => {
    const reporter = newReporter();
    const { params } = await text(reporter, 'My boss keeps my passport');
    await work();
    expect(fake.deleted).toContain(params.MessageSid);
    expect(fake.holding(reporter).filter((m) => m.from === reporter)).toEqual([]);
  });

  it('erases the whole conversation at Twilio on a confirmed DELETE: both sides, and what responders were sent', async () => {
    const reporter = newReporter();
    await text(reporter, 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ');
    await work();
    const notified = fake.sent.filter((m) => CASEWORKERS.includes(m.to));
    expect(notified).toHaveLength(2);
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    await text(CASEWORKERS[0], `ACK ${ref} ${PIN}`);
    await text(CASEWORKERS[0], `#${ref} Are you safe now?`);
    await work();
    expect(fake.holding(reporter).length).toBeGreaterThan(0);

    await text(reporter, 'លុប');
    await text(reporter, 'លុប');
    await work();
    expect(fake.holding(reporter).map((m) => m.body)).toEqual([]);
    // The notifications held the reporter's words: gone too. What is left with the caseworkers (the
    // line's answers to their commands) holds only the reference.
    for (const caseworker of CASEWORKERS) expect(fake.holding(caseworker).filter((m) => /ថៅកែ|safe/.test(m.body))).toEqual([]);
    expect(await line.db.selectFrom('outbox').select('id').where('purpose', 'in', ['erase-message', 'erase-conversation']).execute()).toEqual([]);
  });

  it('tries an erasure again after a Twilio outage, and does not count it as an SMS', async () => {
    const reporter = newReporter();
    await work();
    fake.failNextRequests(1);
    const { params } = await text(reporter, 'They took our phones');
    // The notifications wait, so that the outage meets the erasure.
    await sql`update outbox set next_attempt_at = now() + interval '1 hour' where purpose not like 'erase-%' and sent_at is null`.execute(line.db);
    expect(await work()).toMatchObject({ erased: 0, failed: 1 });
    const [waiting] = await line.db.selectFrom('outbox').select(['last_error', 'attempts']).where('purpose', '=', 'erase-message').execute();
    expect(waiting.attempts).toBe(1);
    await sql`update outbox set next_attempt_at = now() where purpose = 'erase-message'`.execute(line.db);
    expect(await work()).toMatchObject({ erased: 1, failed: 0 });
    expect(fake.deleted).toContain(params.MessageSid);
  });

  it('tells a reporter who sends a picture that it was not received, in their language, and erases it', async () => {
    const reporter = newReporter();
    const mms = `MM${'a'.repeat(32)}`;
    const { reply } = await text(reporter, '', { MessageSid: mms, NumMedia: '1', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/x/Messages/y/Media/z', MediaContentType0: 'image/jpeg' });
    expect(reply).toMatch(/[\u1780-\u17FF]/);
    expect(reply).toContain('រូបភាព');
    await work();
    expect(fake.sent.filter((m) => CASEWORKERS.includes(m.to))[0].body).toContain('picture(s) or file(s), not received');
    expect(fake.deleted).toContain(mms);
  });

  it('sends nothing for a conversation erased after its message was picked up for sending', async () => {
    const reporter = newReporter();
    await text(reporter, 'ពួកគេយកលុយខ្ញុំ');
    await work();
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    await text(CASEWORKERS[1], `ACK ${ref} ${PIN}`);
    await text(CASEWORKERS[1], `#${ref} We will call you`);
    const queued = await line.db.selectFrom('outbox').select('id').where('purpose', '=', 'to-reporter').where('sent_at', 'is', null).execute();
    const pickedUp = await readQueued(line, queued.map((q) => q.id));
    expect(pickedUp).toHaveLength(1);
    fake.sent.length = 0;
    await text(reporter, 'លុប');
    await text(reporter, 'លុប');
    await deliver(line, pickedUp);
    expect(fake.sent.filter((m) => m.to === reporter && m.body.includes('We will call you'))).toEqual([]);
  });

  it('sends nothing to a reporter who sent STOP after the message was picked up', async () => {
    const reporter = newReporter();
    await text(reporter, 'We cannot leave the boat');
    await work();
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    await text(CASEWORKERS[0], `ACK ${ref} ${PIN}`);
    await text(CASEWORKERS[0], `#${ref} Where is the boat?`);
    const queued = await line.db.selectFrom('outbox').select('id').where('purpose', '=', 'to-reporter').where('sent_at', 'is', null).execute();
    const pickedUp = await readQueued(line, queued.map((q) => q.id));
    await text(reporter, 'STOP');
    fake.sent.length = 0;
    expect(await deliver(line, pickedUp)).toMatchObject({ sent: 0 });
    expect(fake.sent).toEqual([]);
  });

  it('does not re-create an erased tip from a request replayed after retention', async () => {
    const reporter = newReporter();
    const { params } = await text(reporter, 'My sister is kept in a karaoke bar');
    await work();
    const count = async () => (await line.db.selectFrom('conversations').select('id').execute()).length;
    const before = await count();
    await purgeExpired(line, new Date(Date.now() + 91 * 86_400_000));
    expect(await count()).toBe(0);
    expect(before).toBeGreaterThan(0);
    // Retention queued the erasure at Twilio of every message to and from the number.
    await work();
    expect(fake.holding(reporter)).toEqual([]);

    const replay = await handleSms(twilioRequest(params), line);
    expect(replay.status).toBe(200);
    expect(await replyIn(replay)).toBeNull();
    expect(await count()).toBe(0);
    // The ids are kept as keyed hashes only.
    const stored = JSON.stringify((await sql`select * from processed_requests`.execute(line.db)).rows);
    expect(stored).not.toContain(params.MessageSid);
  });
});
