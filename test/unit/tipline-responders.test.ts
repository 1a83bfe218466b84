import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import { revoke } from '../../functions/_lib/store/responder-access';
import { startTipline, type Tipline } from '../../functions/_lib/tipline';
import { PIN, ACCOUNT_SID, AUTH_TOKEN, PUBLIC_BASE_URL, databases, freshTipline, givePins, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const SOKHA = '+85523990001';
const DARA = '+85523990002';
const THAI_HOTLINE = '+6620990001';
const DUTY_DESK = '+15005550006';
const LINE = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_PHONE_NUMBER: '+85523900100', RESPONDER_PIN_ATTEMPTS: '3' };
let reporters = 0;
const newReporter = () => `+8551500${String(++reporters).padStart(4, '0')}`;

describe.each(databases)('responders on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const text = async (from: string, body: string, on = line) =>
    replyIn(await handleSms(twilioRequest(sms(from, body, { FromCountry: 'KH' })), on));
  /** A new Cambodian tip, and its reference. */
  async function newTip(body = 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ') {
    const reporter = newReporter();
    await text(reporter, body);
    const { ref } = await line.db.selectFrom('tips').select('ref').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return { reporter, ref };
  }
  const holderOf = async (ref: string) => (await line.db.selectFrom('tips').select('claimed_by').where('ref', '=', ref).executeTakeFirstOrThrow()).claimed_by;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await freshTipline(database, { ...LINE, TWILIO_API_BASE_URL: fake.url });
    await givePins(line);
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });
  beforeEach(async () => {
    await drainOutbox(line, 500);
    fake.sent.length = 0;
  });

  it('does not let a spoofed ACK without the PIN take a tip, and tells the number\'s owner', async () => {
    const { ref } = await newTip();
    const reply = await text(SOKHA, `ACK ${ref}`);
    expect(reply).toContain(`ACK ${ref} <PIN>`);
    expect(await holderOf(ref)).toBeNull();
  });

  it('locks a responder out after wrong PINs in a row and tells the alert group once', async () => {
    const { ref } = await newTip();
    expect(await text(DARA, `ACK ${ref} 111111`)).toContain('2 tries left');
    expect(await text(DARA, `ACK ${ref} 222222`)).toContain('1 tries left');
    expect(await text(DARA, `ACK ${ref} 333333`)).toContain('locked out');
    // Locked out: even the right PIN does nothing now.
    expect(await text(DARA, `ACK ${ref} ${PIN}`)).toContain('locked out');
    expect(await holderOf(ref)).toBeNull();
    await drainOutbox(line);
    const alerts = fake.sent.filter((m) => m.body.includes('is locked out'));
    expect(alerts.map((m) => m.to)).toEqual([DUTY_DESK]);
    expect(alerts[0].body).toContain('Caseworker Dara');
    expect(alerts[0].body).not.toContain(DARA);
  });

  it('asks for the PIN on ACK and on the first answer of a session only', async () => {
    const { reporter, ref } = await newTip();
    expect(await text(SOKHA, `ACK ${ref} ${PIN}`)).toContain('is yours');
    // In a session, digits after the reference are the message.
    expect(await text(SOKHA, `#${ref} 3 of us will come`)).toBe(`Sent to the reporter of ${ref}.`);
    await sql`update responders set session_until = now() - interval '1 minute'`.execute(line.db);
    expect(await text(SOKHA, `#${ref} Are you safe?`)).toContain('<PIN>');
    expect(await text(SOKHA, `#${ref} ${PIN} Are you safe?`)).toBe(`Sent to the reporter of ${ref}.`);
    await drainOutbox(line);
    expect(fake.sent.filter((m) => m.to === reporter).map((m) => m.body)).toEqual(['3 of us will come', 'Are you safe?']);
  });

  it('lets a responder act only on tips routed to their groups', async () => {
    const { ref } = await newTip();
    expect(await text(THAI_HOTLINE, `ACK ${ref} ${PIN}`)).toContain('not routed to your groups');
    expect(await holderOf(ref)).toBeNull();
  });

  it('revokes a responder at once, without a redeploy: refused, sent nothing, their tips back to escalation', async () => {
    const { ref } = await newTip();
    expect(await text(DARA, `ACK ${ref} ${PIN}`)).toContain('locked out');
    await sql`update responders set locked_at = null, failed_pins = 0`.execute(line.db);
    expect(await text(DARA, `ACK ${ref} ${PIN}`)).toContain('is yours');
    const dara = line.responders.byPhone.get(DARA)!;
    expect(await revoke(line.db, dara.key)).toBe(1);
    expect(await holderOf(ref)).toBeNull();
    expect(await text(DARA, `#${ref} hello`)).toContain('withdrawn');
    await drainOutbox(line);
    fake.sent.length = 0;
    await newTip();
    await drainOutbox(line);
    expect(fake.sent.map((m) => m.to)).toEqual([SOKHA]);
  });
});

describe.each(databases)('two responders who ACK the same tip at once, on $name', (database) => {
  let lines: Tipline[] = [];
  afterAll(async () => {
    for (const line of lines) await line.db.destroy();
  });

  it('let exactly one of them take it, each through its own connection', async () => {
    const first = await freshTipline(database, { REPLY_INTERVAL_MINUTES: '0' });
    // A second tip line on the same PostgreSQL database: another process, other connections.
    // PGlite has one connection and one process: there the two ACKs queue for it.
    const second = first.config.databaseUrl
      ? await startTipline({ TIPLINE_MODE: 'local', DATA_DIR: first.config.dataDir, TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, DATABASE_URL: first.config.databaseUrl })
      : first;
    lines = [...new Set([first, second])];
    await givePins(first);
    await handleSms(twilioRequest(sms(newReporter(), 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ', { FromCountry: 'KH' })), first);
    const { ref } = await first.db.selectFrom('tips').select('ref').executeTakeFirstOrThrow();
    for (let round = 0; round < 3; round++) {
      await sql`update tips set claimed_by = null, status = 'new', acknowledged_at = null`.execute(first.db);
      const replies = await Promise.all([
        handleSms(twilioRequest(sms(SOKHA, `ACK ${ref} ${PIN}`)), first).then(replyIn),
        handleSms(twilioRequest(sms(DARA, `ACK ${ref} ${PIN}`)), second).then(replyIn),
      ]);
      expect(replies.filter((r) => r?.includes('is yours'))).toHaveLength(1);
      expect(replies.filter((r) => r?.includes('already taken'))).toHaveLength(1);
    }
  });
});
