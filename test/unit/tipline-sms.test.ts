import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import type { Tipline } from '../../functions/_lib/tipline';
import { PUBLIC_BASE_URL, databases, freshTipline, replyIn, sms, twilioRequest } from './tipline-support';

const khmerFixture: Record<string, string> = JSON.parse(readFileSync('test/fixtures/twilio/inbound-sms-km.json', 'utf8'));

/** Everything the store holds, as text: what someone with a copy of the database would see. */
async function dump(line: Tipline): Promise<string> {
  const tables = ['conversations', 'tips', 'messages', 'processed_requests'];
  const rows = await Promise.all(tables.map((t) => sql`select * from ${sql.table(t)}`.execute(line.db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

const count = async (line: Tipline, table: 'messages' | 'conversations') =>
  Number((await line.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);


describe.each(databases)('SMS webhook on $name', (database) => {
  let line: Tipline;
  beforeAll(async () => {
    // These tests read the answer to every message: replies are not paced here.
    line = await freshTipline(database, { REPLY_INTERVAL_MINUTES: '0', FOLLOW_UP_INTERVAL_MINUTES: '0' });
  });
  afterAll(async () => {
    await line.db.destroy();
  });

  it('refuses a request with a forged signature and stores nothing', async () => {
    const response = await handleSms(twilioRequest(sms('+85511111111', 'hello'), { token: 'f'.repeat(32) }), line);
    expect(response.status).toBe(403);
    expect(await count(line, 'messages')).toBe(0);
  });

  it('refuses an unsigned request', async () => {
    const response = await handleSms(twilioRequest(sms('+85511111111', 'hello'), { signature: null }), line);
    expect(response.status).toBe(403);
  });

  it('refuses a signed but malformed request with the reason, storing nothing', async () => {
    const response = await handleSms(twilioRequest({ ...sms('+85511111111', 'hello'), MessageSid: 'not-a-sid' }), line);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('MessageSid');
    expect(await count(line, 'messages')).toBe(0);
  });

  it('refuses a body over the limit', async () => {
    const response = await handleSms(twilioRequest(sms('+85511111111', 'x'.repeat(20_000))), line);
    expect(response.status).toBe(413);
  });

  it('stops reading a body that passes the limit without saying how large it is', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
      },
    });
    const request = new Request(`${PUBLIC_BASE_URL}/api/sms`, {
      method: 'POST', body: endless, duplex: 'half', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    } as RequestInit);
    expect((await handleSms(request, line)).status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });

  it('answers a Khmer message in Khmer with the checked Cambodian help line, never an unchecked number', async () => {
    const response = await handleSms(twilioRequest(khmerFixture), line);
    expect(response.status).toBe(200);
    const reply = (await replyIn(response))!;
    expect(reply).toMatch(/[\u1780-\u17FF]/);
    expect(reply).toContain('1280');
    expect(reply).not.toContain('117');
    expect(reply).not.toContain('1288');
  });

  it('keeps the number and the text only sealed, and drops the carrier location fields', async () => {
    const stored = await dump(line);
    expect(stored).not.toContain('12345678');
    expect(stored).not.toContain('ថៅកែ');
    expect(stored).not.toMatch(/PHNOM PENH|Phnom Penh|12000/);
  });

  it('stores a message Twilio sends twice once, and replies once', async () => {
    const params = sms('+33612345678', 'Mon patron a gardé mon passeport et je ne peux pas partir');
    const first = await handleSms(twilioRequest(params), line);
    const before = await count(line, 'messages');
    const second = await handleSms(twilioRequest(params), line);
    expect(await replyIn(first)).toContain('112');
    expect(await replyIn(second)).toBeNull();
    expect(await count(line, 'messages')).toBe(before);
  });

  it('threads a reporter\'s messages into one conversation and keeps their language', async () => {
    const from = '+84901234567';
    await handleSms(twilioRequest(sms(from, 'Tôi bị giữ hộ chiếu, tôi không thể về nhà', { FromCountry: 'VN' })), line);
    const conversations = await count(line, 'conversations');
    const followUp = await replyIn(await handleSms(twilioRequest(sms(from, 'ok', { FromCountry: 'VN' })), line));
    expect(await count(line, 'conversations')).toBe(conversations);
    expect(followUp).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });

  it('opts out on STOP alone, but never on a story that contains "stop"', async () => {
    const from = '+447700900123';
    const story = await replyIn(await handleSms(twilioRequest(sms(from, 'They will not stop taking my pay', { FromCountry: 'GB' })), line));
    expect(story).toContain('08000 121 700');
    const stop = await replyIn(await handleSms(twilioRequest(sms(from, 'STOP', { FromCountry: 'GB' })), line));
    expect(stop).toContain('START');
    const after = await replyIn(await handleSms(twilioRequest(sms(from, 'are you there', { FromCountry: 'GB' })), line));
    expect(after).toBeNull();
  });

  it('erases a reporter\'s conversation when they send DELETE twice', async () => {
    const from = '+66812345678';
    await handleSms(twilioRequest(sms(from, 'นายจ้างยึดพาสปอร์ตของฉัน', { FromCountry: 'TH' })), line);
    const before = await count(line, 'conversations');
    const ask = await replyIn(await handleSms(twilioRequest(sms(from, 'delete', { FromCountry: 'TH' })), line));
    expect(ask).toContain('10 นาที');
    expect(await count(line, 'conversations')).toBe(before);
    const done = await replyIn(await handleSms(twilioRequest(sms(from, 'ลบ', { FromCountry: 'TH' })), line));
    expect(done).toContain('โทรศัพท์');
    expect(await count(line, 'conversations')).toBe(before - 1);
  });

  it('switches the reply language when the reporter names one', async () => {
    const from = '+85599887766';
    await handleSms(twilioRequest(sms(from, 'I need help with my job', { FromCountry: 'KH' })), line);
    const reply = await replyIn(await handleSms(twilioRequest(sms(from, 'ខ្មែរ', { FromCountry: 'KH' })), line));
    expect(reply).toMatch(/[\u1780-\u17FF]/);
  });

  it('checks the account the request is for', async () => {
    const response = await handleSms(twilioRequest({ ...sms('+85511111111', 'hi'), AccountSid: `AC${'1'.repeat(32)}` }), line);
    expect(response.status).toBe(403);
  });
});

describe('a line set to send no automatic reply', () => {
  it('stores the report and answers with empty TwiML', async () => {
    const line = await freshTipline(databases[0], { AUTO_REPLY: 'off' });
    const response = await handleSms(twilioRequest(sms('+85512121212', 'help me please, I am locked in')), line);
    expect(await replyIn(response)).toBeNull();
    expect(await count(line, 'messages')).toBe(1);
    await line.db.destroy();
  });
});


describe.each(databases)('keywords on $name', (database) => {
  it('answers HELP with the line\'s help text and still keeps it as a report', async () => {
    const line = await freshTipline(database);
    const reply = await replyIn(await handleSms(twilioRequest(sms('+85512000001', 'ជួយផង', { FromCountry: 'KH' })), line));
    expect(reply).toMatch(/^នេះជាខ្សែសម្ងាត់/);
    expect(reply).not.toContain('117');
    expect(await count(line, 'messages')).toBe(1);
    await line.db.destroy();
  });
});

describe('when the store fails', () => {
  it('answers 503, so that Twilio sends the message again', async () => {
    const line = await freshTipline(databases[0]);
    await line.db.destroy();
    const response = await handleSms(twilioRequest(sms('+85512121213', 'please help')), line);
    expect(response.status).toBe(503);
  });
});

describe('an embedded store written by an older PGlite', () => {
  it('stops start-up with a message that says what to do, and leaves the store untouched', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tipline-old-'));
    mkdirSync(join(dataDir, 'pglite'));
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), '17\n');
    await expect(freshTipline(databases[0], { DATA_DIR: dataDir })).rejects.toThrow(/written by PostgreSQL 17.*move the folder aside/);
    expect(readFileSync(join(dataDir, 'pglite', 'PG_VERSION'), 'utf8')).toBe('17\n');
  });
});
