import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import { escalateOverdue } from '../../functions/_lib/jobs/escalation';
import { runJobs } from '../../functions/_lib/jobs/run';
import type { Tipline } from '../../functions/_lib/tipline';
import { databases, freshTipline, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const CASEWORKERS = ['+85523990001', '+85523990002'];
const SUPERVISOR = '+85523990010';
const DUTY_DESK = '+15005550006';
const LINE = { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_PHONE_NUMBER: '+85523900100' };
let reporters = 0;
const newReporter = () => `+8551300${String(++reporters).padStart(4, '0')}`;

describe.each(databases)('abuse and cost caps on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const text = async (from: string, body: string) => replyIn(await handleSms(twilioRequest(sms(from, body, { FromCountry: 'KH' })), line));
  /** Sends what is due now, and what the line sent. */
  async function sentNow() {
    await drainOutbox(line, 500);
    return fake.sent.splice(0);
  }
  /** Lets time pass for what is waiting: updates gathering messages, paced replies. */
  async function later(minutes: number) {
    await sql`update outbox set next_attempt_at = next_attempt_at - make_interval(mins => ${minutes}) where sent_at is null and purpose not like 'erase-%'`.execute(line.db);
    await sql`update conversations set last_reply_at = last_reply_at - make_interval(mins => ${minutes}),
                                       last_follow_up_at = last_follow_up_at - make_interval(mins => ${minutes})`.execute(line.db);
  }

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, { ...LINE, TWILIO_API_BASE_URL: fake.url, SMS_HOURLY_LIMIT: '1000' });
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });
  beforeEach(async () => {
    await sentNow();
    await sql`delete from sms_usage`.execute(line.db);
  });

  it('answers a burst of 30 texts once, stores all 30, and tells each caseworker of them in two SMS', async () => {
    const reporter = newReporter();
    const replies = [];
    for (let i = 1; i <= 30; i++) replies.push(await text(reporter, `Message ${i}: they keep our passports at the factory`));
    expect(replies.filter((r) => r !== null)).toHaveLength(1);
    expect(replies[0]).toContain('1280');
    const stored = await sql<{ n: string }>`select count(*) as n from messages where direction = 'in'`.execute(line.db);
    expect(Number(stored.rows[0].n)).toBeGreaterThanOrEqual(30);

    const first = await sentNow();
    expect(first.map((m) => m.to).sort()).toEqual(CASEWORKERS);
    expect(first[0].body).toMatch(/^New tip/);
    await later(3);
    const update = await sentNow();
    expect(update.map((m) => m.to).sort()).toEqual(CASEWORKERS);
    expect(update[0].body).toMatch(/^29 new messages on tip [A-Z0-9]{6} · NORMAL \(labour\) · KH · en, latest: "Message 30:/);
    expect(await sentNow()).toEqual([]);
  });

  it('paces replies: one per interval, and "we have your messages" at most once an hour', async () => {
    const reporter = newReporter();
    expect(await text(reporter, 'My boss keeps my passport')).toContain('1280');
    expect(await text(reporter, 'And my wages')).toBeNull();
    await later(11);
    expect(await text(reporter, 'We are six')).toContain('we have your message');
    await later(11);
    expect(await text(reporter, 'Still here')).toBeNull();
    // An explicit request is always answered.
    expect(await text(reporter, 'STOP')).toContain('START');
    expect(await text(reporter, 'START')).toContain('STOP');
  });

  it('escalates through the chain once, reminds the last group twice, then marks the tip unanswered and tells staff once', async () => {
    // Only this test's tip is left open.
    await sql`update tips set status = 'acknowledged', acknowledged_at = now()`.execute(line.db);
    await text(newReporter(), 'I am locked in the factory now, please help');
    expect((await sentNow()).map((m) => m.to).sort()).toEqual(CASEWORKERS);
    const rounds: string[][] = [];
    for (let minutes = 11; minutes <= 11 * 8; minutes += 11) {
      await escalateOverdue(line, new Date(Date.now() + minutes * 60_000));
      rounds.push((await sentNow()).map((m) => `${m.to} ${m.body.replace(/ [A-Z0-9]{6}[ ,][\s\S]*$/, '')}`));
    }
    expect(rounds).toEqual([
      [`${SUPERVISOR} UNANSWERED tip`],
      [`${DUTY_DESK} UNANSWERED tip`],
      [`${DUTY_DESK} REMINDER 1/2, UNANSWERED tip`],
      [`${DUTY_DESK} REMINDER 2/2, UNANSWERED tip`],
      [`${DUTY_DESK} Tip`],
      [], [], [],
    ]);
    const { status } = await line.db.selectFrom('tips').select('status').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(status).toBe('unanswered');
  });
});

describe.each(databases)('the hourly SMS limit on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const text = async (from: string, body: string) => replyIn(await handleSms(twilioRequest(sms(from, body, { FromCountry: 'KH' })), line));

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, { ...LINE, TWILIO_API_BASE_URL: fake.url, SMS_HOURLY_LIMIT: '3' });
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });

  it('lets urgent notifications through past it, holds the others for the next hour, stops replies and tells staff once', async () => {
    // One reply and the tip's two notifications reach the limit of 3.
    expect(await text(newReporter(), 'My boss keeps my wages')).not.toBeNull();
    await drainOutbox(line);
    expect(fake.sent).toHaveLength(2);
    fake.sent.length = 0;

    expect(await text(newReporter(), 'We work on a farm without pay')).toBeNull();
    expect(await text(newReporter(), 'I am locked in the room now, he has a knife')).toBeNull();
    await runJobs(line, new Date(), { retention: false });
    await runJobs(line, new Date(), { retention: false });
    expect(fake.sent.filter((m) => m.body.startsWith('Tip line: 3 SMS sent this hour')).map((m) => m.to)).toEqual([DUTY_DESK]);
    expect(fake.sent.filter((m) => /· URGENT/.test(m.body)).map((m) => m.to).sort()).toEqual(CASEWORKERS);
    expect(fake.sent.filter((m) => /· NORMAL/.test(m.body))).toEqual([]);
    const waiting = await line.db.selectFrom('outbox').select(['next_attempt_at', 'attempts']).where('sent_at', 'is', null).where('purpose', 'not in', ['erase-message', 'erase-conversation']).execute();
    expect(waiting).toHaveLength(2);
    expect(waiting.every((w) => w.next_attempt_at.getTime() > Date.now() && w.attempts === 0)).toBe(true);
  });

  it('sends urgent tips\' notifications first', async () => {
    await sql`delete from sms_usage`.execute(line.db);
    await sql`delete from outbox where sent_at is null and purpose not like 'erase-%'`.execute(line.db);
    fake.sent.length = 0;
    await text(newReporter(), 'Our employer does not pay us');
    await text(newReporter(), 'Help, they are beating my sister right now');
    await drainOutbox(line, 2);
    expect(fake.sent.map((m) => /· URGENT/.test(m.body))).toEqual([true, true]);
  });
});
