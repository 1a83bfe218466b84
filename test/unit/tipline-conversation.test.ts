import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import type { Tipline } from '../../functions/_lib/tipline';
import { PIN, databases, freshTipline, givePins, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const CASEWORKER = '+85523990001';
/** Who tips from each country are routed to (config/responders.example.yaml). */
const RESPONDER: Record<string, string> = { VN: '+842499900001', GB: '+15005550006', KH: CASEWORKER };
const LINE = { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_PHONE_NUMBER: '+85523900100' };
// These tests read the answer to every message: replies are not paced here (tipline-caps.test.ts tests pacing).
const UNPACED = { REPLY_INTERVAL_MINUTES: '0', FOLLOW_UP_INTERVAL_MINUTES: '0' };
let reporters = 0;
/** A reporter number nobody has used in this file yet. */
const newReporter = () => `+8551200${String(++reporters).padStart(4, '0')}`;

describe.each(databases)('a live conversation on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const text = async (from: string, body: string, country = 'VN') => replyIn(await handleSms(twilioRequest(sms(from, body, { FromCountry: country })), line));
  /** What the line sent, by SMS, since the last call. */
  async function sentNow() {
    await drainOutbox(line);
    return fake.sent.splice(0);
  }
  const storedFor = async (ref: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from messages m join tips t on t.id = m.tip_id where t.ref = ${ref}`.execute(line.db)).rows[0].n);
  /** A reporter who has made a report that the caseworker has taken. */
  const openings: Record<string, string> = {
    VN: 'Tôi bị giữ hộ chiếu, tôi không thể về nhà',
    GB: 'My employer keeps my passport and I cannot go home',
    KH: 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ',
  };
  async function heldConversation(reporter: string, country = 'VN') {
    await text(reporter, openings[country], country);
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(await text(RESPONDER[country], `ACK ${ref} ${PIN}`, country)).toContain('is yours');
    await sentNow();
    return ref;
  }

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, { ...LINE, ...UNPACED, TWILIO_API_BASE_URL: fake.url });
    await givePins(line);
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });
  beforeEach(() => {
    fake.sent.length = 0;
  });

  it('takes a bare number inside a conversation as an answer: stored, relayed, the language kept', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter);
    const reply = await text(reporter, '3');
    expect(reply).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    expect(await sentNow()).toEqual([{ to: RESPONDER.VN, from: LINE.TWILIO_PHONE_NUMBER, body: `#${ref} 3` }]);
    expect(await storedFor(ref)).toBe(2);
  });

  it('takes a name that is also a Vietnamese STOP word as an answer, not an opt-out', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter);
    expect(await text(reporter, 'Huy')).not.toBeNull();
    expect(await sentNow()).toEqual([expect.objectContaining({ to: RESPONDER.VN, body: `#${ref} Huy` })]);
    const { opted_out } = await line.db.selectFrom('conversations').innerJoin('tips', 'tips.conversation_id', 'conversations.id')
      .select('opted_out').where('tips.ref', '=', ref).executeTakeFirstOrThrow();
    expect(opted_out).toBe(false);
  });

  it('asks for DELETE again, in the reporter\'s language, and erases only then, reminding them of their phone', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter);
    const ask = await text(reporter, 'xoa');
    expect(ask).toContain('XÓA');
    expect(ask).toContain('10 phút');
    // The first DELETE is a message like any other: the caseworker sees it.
    expect(await sentNow()).toEqual([expect.objectContaining({ to: RESPONDER.VN, body: `#${ref} xoa` })]);
    expect(await storedFor(ref)).toBe(2);

    const done = await text(reporter, 'XÓA');
    expect(done).toContain('điện thoại');
    expect(await storedFor(ref)).toBe(0);
    expect(await line.db.selectFrom('tips').select('id').where('ref', '=', ref).execute()).toEqual([]);
    expect(await sentNow()).toEqual([]);
  });

  it('asks again when the second DELETE comes more than 10 minutes after the first', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter, 'GB');
    expect(await text(reporter, 'DELETE', 'GB')).toContain('DELETE again within 10 minutes');
    await sql`update conversations set delete_requested_at = now() - interval '11 minutes' where delete_requested_at is not null`.execute(line.db);
    expect(await text(reporter, 'DELETE', 'GB')).toContain('DELETE again within 10 minutes');
    expect(await storedFor(ref)).toBe(3);
  });

  it('switches the reply language and still stores and relays the message', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter, 'KH');
    expect(await text(reporter, 'ខ្មែរ', 'KH')).toMatch(/[\u1780-\u17FF]/);
    expect(await sentNow()).toEqual([expect.objectContaining({ to: CASEWORKER, body: `#${ref} ខ្មែរ` })]);
    expect(await storedFor(ref)).toBe(2);
  });

  it('relays everything but STOP while a responder holds the tip', async () => {
    const reporter = newReporter();
    const ref = await heldConversation(reporter, 'GB');
    for (const body of ['HELP', 'START', 'english']) await text(reporter, body, 'GB');
    expect((await sentNow()).map((m) => m.body)).toEqual([`#${ref} HELP`, `#${ref} START`, `#${ref} english`]);
    expect(await text(reporter, 'STOP', 'GB')).toContain('START');
    expect(await sentNow()).toEqual([]);
    expect(await storedFor(ref)).toBe(4);
  });

  it('still lets a first message choose the language by its menu number', async () => {
    const reporter = newReporter();
    expect(await text(reporter, '3', 'GB')).toContain('español');
    // It is kept, but opens no tip: nobody is told of a menu choice.
    expect(await sentNow()).toEqual([]);
    const reply = await text(reporter, 'Me quitaron el pasaporte', 'GB');
    expect(reply).toContain('Gracias');
  });
});

describe.each(databases)('a silent line (AUTO_REPLY=off) on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const text = async (from: string, body: string) => replyIn(await handleSms(twilioRequest(sms(from, body, { FromCountry: 'GB' })), line));

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, { ...LINE, TWILIO_API_BASE_URL: fake.url, AUTO_REPLY: 'off' });
    await givePins(line);
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });

  it('answers no reporter message, whatever it is, and sends reporters nothing', async () => {
    const reporter = newReporter();
    const bodies = ['My boss keeps my passport', 'HELP', 'english', 'STOP', 'START', 'DELETE', 'DELETE', 'Are you there?'];
    for (const body of bodies) expect(await text(reporter, body), body).toBeNull();
    const { ref } = await line.db.selectFrom('tips').select('ref').executeTakeFirstOrThrow();
    await text(RESPONDER.GB, `ACK ${ref} ${PIN}`);
    expect(await text(RESPONDER.GB, `#${ref} Are you safe?`)).toMatch(/Not sent: this line sends reporters nothing/);
    await drainOutbox(line);
    expect(fake.sent.filter((m) => m.to === reporter)).toEqual([]);
    expect(fake.sent.length).toBeGreaterThan(0);
  });
});
