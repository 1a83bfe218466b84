import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { pseudonymFor } from '../../functions/_lib/crypto';
import { receiveBatch } from '../../functions/_lib/intake/receive';
import type { InboundMessage } from '../../functions/_lib/intake/message';
import { startTipline, type Tipline } from '../../functions/_lib/tipline';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_BASE_URL, databases, freshTipline, messageSid, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

const inbound = (from: string, body: string, id = messageSid()): InboundMessage => ({ channel: 'sms', id, from, body, country: 'KH' });

/** Takes in a batch as the group commit does, and gives each message's result. */
const take = async (line: Tipline, batch: InboundMessage[]) => (await receiveBatch(line, batch)).results;

/** What the store holds for one number's conversations: counts only. */
async function heldFor(line: Tipline, phone: string) {
  const conversations = await line.db.selectFrom('conversations').select('id').where('reporter_pseudonym', '=', pseudonymFor(phone, line.pseudonymKey)).execute();
  const ids = conversations.map((c) => c.id);
  const count = async (table: 'tips' | 'messages') =>
    ids.length ? (await line.db.selectFrom(table).select('id').where('conversation_id', 'in', ids).execute()).length : 0;
  return { conversations: ids.length, tips: await count('tips'), messages: await count('messages') };
}

describe.each(databases)('messages that arrive together, on $name', (database) => {
  let line: Tipline;
  beforeAll(async () => {
    line = await freshTipline(database);
  });
  afterAll(async () => {
    await line.db.destroy();
  });

  it('stores a message Twilio sends twice in the same batch once', async () => {
    const message = inbound('+85560000001', 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ');
    const [first, second] = await take(line, [message, { ...message }]);
    expect(first.outcome).toBe('report');
    expect(second).toEqual({ reply: null, outcome: 'duplicate' });
    expect(await heldFor(line, '+85560000001')).toEqual({ conversations: 1, tips: 1, messages: 1 });
  });

  it('threads two messages from one reporter in one batch into one conversation and one tip', async () => {
    const [first, second] = await take(line, [
      inbound('+85560000002', 'My employer took my passport'),
      inbound('+85560000002', 'We are twelve workers in the same house'),
    ]);
    expect(first.outcome).toBe('report');
    expect(second.tipRef).toBe(first.tipRef);
    expect(second.reply).not.toBe(first.reply);
    expect(await heldFor(line, '+85560000002')).toEqual({ conversations: 1, tips: 1, messages: 2 });
  });

  it('keeps what triage found with the tip', async () => {
    const [result] = await take(line, [inbound('+85560000006', 'my daughter works at the karaoke bar and cannot leave')]);
    const tip = await line.db.selectFrom('tips').select(['urgency', 'categories', 'locale', 'country']).where('ref', '=', result.tipRef!).executeTakeFirstOrThrow();
    expect(tip).toEqual({ urgency: 'urgent', categories: 'sexual,child', locale: 'en', country: 'KH' });
  });

  it('erases what a reporter sent earlier in the same batch when they confirm DELETE, and starts afresh after it', async () => {
    const queued = async () => (await line.db.selectFrom('outbox').select('id').where('purpose', 'not in', ['erase-message', 'erase-conversation']).execute()).length;
    const queuedBefore = await queued();
    const results = await take(line, [
      inbound('+85560000003', 'They keep us locked in'),
      inbound('+85560000003', 'DELETE'),
      inbound('+85560000003', 'DELETE'),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['report', 'delete-requested', 'delete']);
    expect(await heldFor(line, '+85560000003')).toEqual({ conversations: 0, tips: 0, messages: 0 });
    // Nobody is told of a tip that no longer exists.
    expect(await queued()).toBe(queuedBefore);

    const [, , , again] = await take(line, [
      inbound('+85560000003', 'We cannot leave the boat'),
      inbound('+85560000003', 'DELETE'),
      inbound('+85560000003', 'DELETE'),
      inbound('+85560000003', 'I want to talk to someone'),
    ]);
    expect(again.outcome).toBe('report');
    expect(await heldFor(line, '+85560000003')).toEqual({ conversations: 1, tips: 1, messages: 1 });
  });

  it('erases a stored conversation on a confirmed DELETE while other reporters in the batch are stored', async () => {
    await take(line, [inbound('+85560000004', 'My sister was sold to a factory'), inbound('+85560000004', 'DELETE')]);
    const results = await take(line, [inbound('+85560000004', 'DELETE'), inbound('+85560000005', 'The agency keeps our passports')]);
    expect(results.map((r) => r.outcome)).toEqual(['delete', 'report']);
    expect(await heldFor(line, '+85560000004')).toEqual({ conversations: 0, tips: 0, messages: 0 });
    expect(await heldFor(line, '+85560000005')).toEqual({ conversations: 1, tips: 1, messages: 1 });
  });

  it('answers many reporters who write at the same moment, each once, in their own language', async () => {
    const senders = Array.from({ length: 40 }, (_, i) => `+8556100${String(i).padStart(4, '0')}`);
    const bodies = ['ខ្ញុំត្រូវការជំនួយ ថៅកែមិនឲ្យខ្ញុំចេញ', 'My boss keeps my passport and I cannot leave'];
    const requests = senders.map((from, i) => sms(from, bodies[i % 2], { FromCountry: 'KH' }));
    const responses = await Promise.all(requests.map((params) => handleSms(twilioRequest(params), line)));
    expect(responses.map((r) => r.status)).toEqual(senders.map(() => 200));
    const replies = await Promise.all(responses.map(replyIn));
    replies.forEach((reply, i) => expect(reply).toMatch(i % 2 ? /[a-z]/ : /[\u1780-\u17FF]/));
    // Twilio sends them all again: nothing new is stored, nobody is answered twice.
    const again = await Promise.all(requests.map((params) => handleSms(twilioRequest(params), line)));
    expect(await Promise.all(again.map(replyIn))).toEqual(senders.map(() => null));
    for (const from of senders) expect(await heldFor(line, from)).toEqual({ conversations: 1, tips: 1, messages: 1 });
  });
});

describe('the local server\'s tip line, which sends at once', () => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const waiting = () => line.db.selectFrom('outbox').select(['attempts', 'last_error', 'next_attempt_at']).where('sent_at', 'is', null).where('purpose', 'not in', ['erase-message', 'erase-conversation']).execute();
  beforeAll(async () => {
    fake = await startFakeTwilio();
    line = await startTipline({
      TIPLINE_MODE: 'local', DATA_DIR: mkdtempSync(join(tmpdir(), 'tipline-')), TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_PHONE_NUMBER: '+85523900100', TWILIO_API_BASE_URL: fake.url,
    }, { sendAtOnce: true });
  });
  afterAll(async () => {
    await line.db.destroy();
    await fake.close();
  });

  it('tells responders of a tip without waiting for the scheduled jobs', async () => {
    await handleSms(twilioRequest(sms('+85560000099', 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ', { FromCountry: 'KH' })), line);
    await expect.poll(() => fake.sent.length, { timeout: 5000 }).toBe(2);
    await expect.poll(async () => (await waiting()).length).toBe(0);
  });

  it('keeps a notification Twilio refuses, to try again after a backoff', async () => {
    fake.sent.length = 0;
    fake.failNextRequests(2);
    await handleSms(twilioRequest(sms('+85560000098', 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ', { FromCountry: 'KH' })), line);
    await expect.poll(async () => (await waiting()).filter((w) => w.last_error).length, { timeout: 5000 }).toBe(2);
    expect(fake.sent).toEqual([]);
    const rows = await waiting();
    expect(rows.every((r) => r.attempts === 1 && r.next_attempt_at.getTime() > Date.now())).toBe(true);
  });
});
