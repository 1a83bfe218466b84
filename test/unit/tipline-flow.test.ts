import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import { escalateOverdue } from '../../functions/_lib/jobs/escalation';
import { purgeExpired } from '../../functions/_lib/jobs/retention';
import type { Tipline } from '../../functions/_lib/tipline';
import { PIN, databases, freshTipline, givePins, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const REPORTER = '+85512345678';
const CASEWORKERS = ['+85523990001', '+85523990002'];
const SUPERVISOR = '+85523990010';


describe.each(databases)('from reporter to responder and back, on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const drain = () => drainOutbox(line);
  const text = (from: string, body: string) => handleSms(twilioRequest(sms(from, body, { FromCountry: 'KH' })), line);

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_PHONE_NUMBER: '+85523900100',
      TWILIO_API_BASE_URL: fake.url,
      RESPONDER_DIRECTORY: 'config/responders.example.yaml',
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

  it('tells the Cambodian caseworkers of a Khmer tip, without the reporter\'s number', async () => {
    await text(REPORTER, 'ខ្ញុំត្រូវការជំនួយ ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ');
    await drain();
    expect(fake.sent.map((m) => m.to).sort()).toEqual(CASEWORKERS);
    for (const message of fake.sent) {
      expect(message.from).toBe('+85523900100');
      expect(message.body).toMatch(/^New tip [A-Z0-9]{6} · URGENT \(labour\) · KH · km: "/);
      expect(message.body).not.toContain('12345678');
    }
  });

  it('relays a responder\'s #ref answer to the reporter and the reporter\'s answer back, after ACK', async () => {
    const { ref } = await line.db.selectFrom('tips').select('ref').executeTakeFirstOrThrow();
    expect(await replyIn(await text(CASEWORKERS[0], `ACK ${ref.toLowerCase()} ${PIN}`))).toContain(`Tip ${ref} is yours`);
    expect(await replyIn(await text(CASEWORKERS[1], `ACK ${ref} ${PIN}`))).toContain('already taken');

    expect(await replyIn(await text(CASEWORKERS[0], `#${ref} យើងនៅទីនេះ។ តើអ្នកមានសុវត្ថិភាពទេ?`))).toContain('Sent');
    await drain();
    expect(fake.sent).toEqual([{ to: REPORTER, from: '+85523900100', body: 'យើងនៅទីនេះ។ តើអ្នកមានសុវត្ថិភាពទេ?' }]);

    fake.sent.length = 0;
    await text(REPORTER, 'បាទ ខ្ញុំនៅផ្ទះ');
    await drain();
    expect(fake.sent).toEqual([{ to: CASEWORKERS[0], from: '+85523900100', body: `#${ref} បាទ ខ្ញុំនៅផ្ទះ` }]);
  });

  it('relays a reporter\'s words without the control and bidi-override characters that could disguise them', async () => {
    const { ref } = await line.db.selectFrom('tips').select('ref').where('claimed_by', 'is not', null).executeTakeFirstOrThrow();
    fake.sent.length = 0;
    // U+202E would show "XM2Q7K#" reversed as another tip's reference; the bell and escape codes could drive a terminal.
    await text(REPORTER, 'safe now\u0007\u001b[2J \u202eXM2Q7K#\u202c\nthank you\u2066');
    await drain();
    expect(fake.sent).toEqual([{ to: CASEWORKERS[0], from: '+85523900100', body: `#${ref} safe now[2J XM2Q7K#\nthank you` }]);
  });

  it('escalates an urgent tip nobody takes to the supervisors', async () => {
    await text('+85577000001', 'I am locked in the factory now, please help');
    await drain();
    expect(fake.sent.map((m) => m.to).sort()).toEqual(CASEWORKERS);
    fake.sent.length = 0;
    expect(await escalateOverdue(line, new Date(Date.now() + 5 * 60_000))).toBe(0);
    expect(await escalateOverdue(line, new Date(Date.now() + 11 * 60_000))).toBe(1);
    await drain();
    expect(fake.sent.map((m) => m.to)).toEqual([SUPERVISOR]);
    expect(fake.sent[0].body).toMatch(/^UNANSWERED tip [A-Z0-9]{6} · URGENT/);
  });

  it('keeps a notification through a Twilio outage and sends it once when Twilio is back', async () => {
    fake.failNextRequests(3);
    await text('+85577000002', 'My employer keeps my wages and my passport');
    expect(await drain()).toMatchObject({ sent: 0, failed: 2 });
    const waiting = await line.db.selectFrom('outbox').select(['last_error', 'attempts']).where('sent_at', 'is', null).where('purpose', 'not in', ['erase-message', 'erase-conversation']).execute();
    expect(waiting).toHaveLength(2);
    expect(waiting.every((w) => w.last_error && !/\d{6}/.test(w.last_error))).toBe(true);
    // The backoff has passed.
    await sql`update outbox set next_attempt_at = now() where sent_at is null and purpose not like 'erase-%'`.execute(line.db);
    expect(await drain()).toMatchObject({ sent: 1, failed: 1 });
    await sql`update outbox set next_attempt_at = now() where sent_at is null and purpose not like 'erase-%'`.execute(line.db);
    expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
    expect(await drain()).toMatchObject({ sent: 0, failed: 0 });
    expect(fake.sent.map((m) => m.to).sort()).toEqual(CASEWORKERS);
  });

  it('treats only numbers in the directory as responders', async () => {
    const reply = await replyIn(await text('+85577000003', 'ACK ABCDEF'));
    expect(reply).not.toContain('is yours');
  });

  it('deletes conversations past the retention period, with everything in them', async () => {
    const before = await line.db.selectFrom('conversations').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    expect(await purgeExpired(line, new Date(Date.now() + 89 * 86_400_000))).toBe(0);
    expect(await purgeExpired(line, new Date(Date.now() + 91 * 86_400_000))).toBe(before.length);
    expect(await line.db.selectFrom('messages').select('id').execute()).toEqual([]);
    expect(await line.db.selectFrom('tips').select('id').execute()).toEqual([]);
  });
});
