import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleTips } from '../../functions/tips';
import { handleSms } from '../../functions/sms';
import { drainOutbox } from '../../functions/_lib/outbox/delivery';
import { purgeExpired } from '../../functions/_lib/jobs/retention';
import { openReport } from '../../functions/_lib/channels/web/reports';
import type { Tipline } from '../../functions/_lib/tipline';
import { PIN, databases, freshTipline, givePins, replyIn, sms, twilioRequest } from './tipline-support';
import { startFakeTwilio } from './fake-twilio';

// The web report's function, called as the local server calls it, on the built pages (dist/).
const CASEWORKER = '+85523990001';
const DUTY_OFFICER = '+15005550006';

/** A form as a browser posts it (application/x-www-form-urlencoded). */
function post(path: string, fields: Record<string, string>): Request {
  return new Request(`http://127.0.0.1:4321${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

/** The receipt a receipt page shows: lookup id and secret, as printed. */
function receiptIn(page: string): { lookup: string; secret: string } {
  const lookup = /data-receipt="lookup">([^<]+)</.exec(page)?.[1];
  const secret = /data-receipt="secret">([^<]+)</.exec(page)?.[1];
  if (!lookup || !secret) throw new Error('no receipt on this page');
  return { lookup, secret };
}

const mainOf = (page: string) => /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page)![1];

describe.each(databases)('the web report on $name', (database) => {
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let line: Tipline;
  const logged: string[] = [];
  // Each request from an address of its own, unless a test says otherwise: rate limits count per address.
  let addresses = 0;
  const send = (path: string, fields: Record<string, string>, address = `198.51.100.${++addresses}`) => handleTips(post(path, fields), line, { address });
  const drain = () => drainOutbox(line);
  let receipt: { lookup: string; secret: string };
  let ref: string;

  beforeAll(async () => {
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    fake = await startFakeTwilio();
    line = await freshTipline(database, {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_PHONE_NUMBER: '+85523900100',
      TWILIO_API_BASE_URL: fake.url,
      WEB_REPORTS_PER_HOUR: '4',
    });
    await givePins(line);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await line.db.destroy();
    await fake.close();
  });

  it('takes a report, routes it like an SMS tip and gives a receipt once, in the reader\'s language', async () => {
    const response = await send('/api/tips', {
      lang: 'km', what: 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយចាក់សោយើងនៅពេលយប់', where: 'កំពង់ផែ', country: 'KH', when: 'ម្សិលមិញ', danger: 'yes', website: '',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toMatch(/<html lang="km"/);
    receipt = receiptIn(page);
    expect(receipt.lookup).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(receipt.secret).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    const tip = await line.db.selectFrom('tips').selectAll().executeTakeFirstOrThrow();
    ref = tip.ref;
    expect(tip).toMatchObject({ channel: 'web', locale: 'km', country: 'KH', urgency: 'urgent' });
    await drain();
    // Cambodia's urgent route: its caseworkers are told at once, with the reporter's own words.
    expect(fake.sent.map((m) => m.to).sort()).toEqual([CASEWORKER, '+85523990002']);
    expect(fake.sent[0].body).toMatch(new RegExp(`^New tip ${ref} · URGENT .* · KH · km: "ថៅកែយកលិខិតឆ្លងដែន`));
  });

  it('keeps neither the secret nor anything readable: a slow hash, sealed texts, no address', async () => {
    const stored = await Promise.all(['conversations', 'tips', 'messages', 'web_receipts', 'rate_limits'].map((t) => sql`select * from ${sql.table(t)}`.execute(line.db)));
    const dump = JSON.stringify(stored.map((r) => r.rows));
    expect(dump).not.toContain(receipt.secret.replace(/ /g, ''));
    expect(dump).not.toContain('ថៅកែ');
    expect(dump).not.toContain('198.51.100.');
    const { secret_hash } = await line.db.selectFrom('web_receipts').select('secret_hash').executeTakeFirstOrThrow();
    // OWASP's scrypt parameters: N = 2^17, r = 8, p = 1.
    expect(secret_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    const conversation = await line.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(conversation.reporter_number_sealed).toBeNull();
  });

  it('lets the reporter come back with the receipt, typed loosely and in Khmer digits', async () => {
    const khmerDigits = receipt.secret.replace(/\d/g, (d) => String.fromCodePoint(0x17e0 + Number(d)));
    const response = await send('/api/tips/open', { lang: 'km', lookup: receipt.lookup.toLowerCase().replace('-', ' '), secret: khmerDigits });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const main = mainOf(await response.text());
    expect(main).toContain('ថៅកែយកលិខិតឆ្លងដែន');
    expect(main).toContain('កំពង់ផែ');
  });

  it('shows a responder\'s #ref answer when the reporter comes back; no SMS goes anywhere', async () => {
    fake.sent.length = 0;
    const answer = await replyIn(await handleSms(twilioRequest(sms(CASEWORKER, `#${ref} ${PIN} យើងបានទទួលរបាយការណ៍របស់អ្នក។ តើអ្នកនៅទីណា?`)), line));
    expect(answer).toContain('Saved for the reporter');
    await drain();
    expect(fake.sent).toEqual([]);
    const main = mainOf(await (await send('/api/tips/open', { lang: 'km', ...receipt })).text());
    expect(main).toContain('thread__entry--responder');
    expect(main).toContain('តើអ្នកនៅទីណា?');
  });

  it('passes added information to the responder who took the tip', async () => {
    const response = await send('/api/tips/add', { lang: 'km', ...receipt, more: 'យើងនៅផ្ទះលេខ ១២' });
    expect(response.status).toBe(200);
    expect(mainOf(await response.text())).toContain('យើងនៅផ្ទះលេខ ១២');
    await drain();
    expect(fake.sent).toEqual([{ to: CASEWORKER, from: '+85523900100', body: `#${ref} យើងនៅផ្ទះលេខ ១២` }]);
  });

  it('never treats a web report as a keyword: "STOP" is a report', async () => {
    const page = await (await send('/api/tips', { lang: 'en', what: 'STOP' })).text();
    const { lookup } = receiptIn(page);
    expect(lookup).toBeTruthy();
    const tips = await line.db.selectFrom('tips').select(['channel', 'country', 'urgency']).where('ref', '!=', ref).execute();
    expect(tips).toEqual([{ channel: 'web', country: null, urgency: 'normal' }]);
    await drain();
    // No country: the last route, the international duty desk.
    expect(fake.sent.at(-1)!.to).toBe(DUTY_OFFICER);
  });

  it('refuses a wrong secret, then makes the next tries wait, even with the right one', async () => {
    const wrong = { lang: 'en', lookup: receipt.lookup, secret: '0000 0000 0000 0000' };
    for (let i = 0; i < 3; i++) {
      const response = await send('/api/tips/open', wrong);
      expect(response.status).toBe(403);
      expect(mainOf(await response.text())).toContain('No report opens with this receipt number and secret code');
    }
    const held = await send('/api/tips/open', { lang: 'en', ...receipt });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(mainOf(await held.text())).toContain('Wait 1 min');
    // A minute later the right secret opens it, and the count starts again.
    const later = new Date(Date.now() + 61_000);
    expect((await openReport(line, { lang: 'en', ...receipt }, { address: '198.51.100.200' }, later)).status).toBe(200);
    const { failures } = await line.db.selectFrom('web_receipts').select('failures').where('lookup', '=', receipt.lookup.replace('-', '')).executeTakeFirstOrThrow();
    expect(failures).toBe(0);
  });

  it('says what is wrong in the reader\'s language and keeps what they wrote', async () => {
    const response = await send('/api/tips', { lang: 'ar', what: '   ', where: 'دبي', contact: 'بعد الساعة ٨' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/<html lang="ar" dir="rtl"/);
    expect(page).toMatch(/<title>[^<]*:/);
    expect(mainOf(page)).toContain('value="دبي"');
    expect(mainOf(page)).toContain('بعد الساعة ٨</textarea>');
    expect(mainOf(page)).toContain('class="error-summary"');
  });

  it('stores nothing from a filled trap field, and shows it so a person can empty it', async () => {
    const before = await line.db.selectFrom('tips').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const response = await send('/api/tips', { lang: 'en', what: 'cheap watches', website: 'http://spam.example' }, '203.0.113.9');
    expect(response.status).toBe(400);
    const main = mainOf(await response.text());
    expect(main).toContain('trap trap--shown');
    expect(main).toContain('cheap watches</textarea>');
    const after = await line.db.selectFrom('tips').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('limits reports per client address and hour, and keeps the address only hashed', async () => {
    const from = '192.0.2.44';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('/api/tips', { lang: 'en', what: '' }, from)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    // Another address is not held back.
    expect((await send('/api/tips', { lang: 'en', what: '' }, '192.0.2.45')).status).toBe(400);
    const keys = await line.db.selectFrom('rate_limits').select('key').execute();
    expect(JSON.stringify(keys)).not.toContain('192.0.2');
  });

  it('erases a report at its reporter\'s request, and the SMS about it at Twilio: nothing opens with the receipt afterwards', async () => {
    const unconfirmed = await send('/api/tips/delete', { lang: 'en', ...receipt });
    expect(unconfirmed.status).toBe(400);
    const response = await send('/api/tips/delete', { lang: 'en', ...receipt, confirm: 'yes' });
    expect(response.status).toBe(200);
    expect(await line.db.selectFrom('tips').select('id').where('ref', '=', ref).executeTakeFirst()).toBeUndefined();
    expect(await line.db.selectFrom('web_receipts').select('lookup').where('lookup', '=', receipt.lookup.replace('-', '')).executeTakeFirst()).toBeUndefined();
    expect((await send('/api/tips/open', { lang: 'en', ...receipt })).status).toBe(403);
    // The SMS that carried its words to the caseworkers are erased at Twilio too.
    expect(fake.holding(CASEWORKER).length).toBeGreaterThan(0);
    await drain();
    expect(fake.holding(CASEWORKER)).toEqual([]);
    expect(fake.holding('+85523990002')).toEqual([]);
  });

  it('deletes a report and its receipt at the end of the retention period', async () => {
    const remaining = await line.db.selectFrom('web_receipts').select('lookup').execute();
    expect(remaining.length).toBe(1);
    await purgeExpired(line, new Date(Date.now() + 91 * 86_400_000));
    expect(await line.db.selectFrom('web_receipts').select('lookup').execute()).toEqual([]);
    expect(await line.db.selectFrom('rate_limits').select('key').execute()).toEqual([]);
  });

  it('logged nothing of a report, a receipt or an address', () => {
    const all = logged.join('\n');
    expect(all).not.toMatch(/ថៅកែ|cheap watches|198\.51\.100|192\.0\.2/);
    expect(all).not.toContain(receipt.secret.replace(/ /g, ''));
  });
});
