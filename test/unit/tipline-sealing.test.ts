import { createCipheriv, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { handleSms } from '../../functions/sms';
import { keyIdOf, keyring, seal, unseal } from '../../functions/_lib/crypto';
import { readQueued } from '../../functions/_lib/outbox/delivery';
import { messageBodyAt, reporterNumberAt, resealAll } from '../../functions/_lib/store/sealed';
import { startTipline, type Tipline } from '../../functions/_lib/tipline';
import { AUTH_TOKEN, PUBLIC_BASE_URL, databases, freshTipline, sms, twilioRequest } from './tipline-support';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const REPORTER = '+85512000777';

describe('a sealed value', () => {
  const keys = keyring(keyA);
  const sealed = seal('+85512345678', keys, reporterNumberAt('7b1d6f1e-0000-4000-8000-000000000001'));

  it('names its version and key', () => {
    expect(sealed.startsWith(`v2.${keyIdOf(keyA)}.`)).toBe(true);
    expect(sealed).not.toContain(keyA.toString('base64'));
  });

  it('opens only in its own place: not in another row, nor in another column', () => {
    expect(unseal(sealed, keys, reporterNumberAt('7b1d6f1e-0000-4000-8000-000000000001'))).toBe('+85512345678');
    expect(() => unseal(sealed, keys, reporterNumberAt('7b1d6f1e-0000-4000-8000-000000000002'))).toThrow();
    expect(() => unseal(sealed, keys, messageBodyAt('7b1d6f1e-0000-4000-8000-000000000001'))).toThrow();
  });

  it('says which key is missing rather than failing blindly', () => {
    expect(() => unseal(sealed, keyring(keyB), reporterNumberAt('7b1d6f1e-0000-4000-8000-000000000001'))).toThrow(/key [0-9a-f]{8}.*TIP_ENCRYPTION_OLD_KEYS/);
  });
});

/** A value as the line sealed it before version 2: no key id, no place. */
function sealedTheOldWay(plain: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join('.');
}

/** Every sealed value in the store, by place. */
async function sealedValues(line: Tipline): Promise<{ table: string; id: string; value: string }[]> {
  const { rows } = await sql<{ table: string; id: string; value: string }>`
    select 'conversations' as table, id, reporter_number_sealed as value from conversations
    union all select 'messages', id, body_sealed from messages
    union all select 'outbox', id, body_sealed from outbox where body_sealed is not null`.execute(line.db);
  return rows;
}

/** What the outbox would send now, each message opened with the line's keys. */
async function queuedTexts(line: Tipline): Promise<string[]> {
  const ids = (await line.db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute()).map((r) => r.id);
  return (await readQueued(line, ids)).map((m) => ('body' in m ? m.body : JSON.stringify(m.erase))).sort();
}

describe.each(databases)('sealed values in the store, on $name', (database) => {
  let line: Tipline;
  const reopen = async (keys: Record<string, string>) => {
    const { dataDir, databaseUrl } = line.config;
    await line.db.destroy();
    line = await startTipline({
      TIPLINE_MODE: 'local', DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...keys,
    });
  };
  const text = (body: string) => handleSms(twilioRequest(sms(REPORTER, body, { FromCountry: 'KH' })), line);
  afterEach(async () => {
    await line.db.destroy();
  });

  it('are sealed anew, bound to their place, by the migration from version 1', async () => {
    line = await freshTipline(database, { TIP_ENCRYPTION_KEY: keyA.toString('base64') });
    await text('My boss took my passport and locks the door at night');
    const before = await queuedTexts(line);
    // Make the store look as an older version left it: every value sealed the old way.
    for (const { table, id, value } of await sealedValues(line)) {
      const place = { table, column: table === 'conversations' ? 'reporter_number_sealed' : 'body_sealed', id };
      await sql`update ${sql.table(table)} set ${sql.ref(place.column)} = ${sealedTheOldWay(unseal(value, line.sealing, place), keyA)} where id = ${id}`.execute(line.db);
    }
    await sql`delete from kysely_migration where name = '008_bound_sealing'`.execute(line.db);

    await reopen({ TIP_ENCRYPTION_KEY: keyA.toString('base64') });
    const values = await sealedValues(line);
    expect(values.length).toBeGreaterThan(3);
    for (const { value } of values) expect(value.startsWith(`v2.${keyIdOf(keyA)}.`)).toBe(true);
    expect(await queuedTexts(line)).toEqual(before);
  });

  it('survive a key rotation: old values open with the old key until `npm run reseal` seals them with the new one', async () => {
    line = await freshTipline(database, { TIP_ENCRYPTION_KEY: keyA.toString('base64') });
    await text('They keep us on the boat and do not pay us');

    // The new key alone cannot open what the old one sealed, and says which key is missing.
    await reopen({ TIP_ENCRYPTION_KEY: keyB.toString('base64') });
    await expect(queuedTexts(line)).rejects.toThrow(/sealed with key [0-9a-f]{8}.*TIP_ENCRYPTION_OLD_KEYS/);

    await reopen({ TIP_ENCRYPTION_KEY: keyB.toString('base64'), TIP_ENCRYPTION_OLD_KEYS: keyA.toString('base64') });
    await text('We are near the port now');
    const texts = await queuedTexts(line);
    expect(texts.join('\n')).toContain('They keep us on the boat');
    const keyIds = new Set((await sealedValues(line)).map(({ value }) => value.split('.')[1]));
    expect(keyIds).toEqual(new Set([keyIdOf(keyA), keyIdOf(keyB)]));

    expect(await resealAll(line.db, line.sealing)).toBeGreaterThan(0);
    for (const { value } of await sealedValues(line)) expect(value.startsWith(`v2.${keyIdOf(keyB)}.`)).toBe(true);

    await reopen({ TIP_ENCRYPTION_KEY: keyB.toString('base64') });
    expect(await queuedTexts(line)).toEqual(texts);
  });

  it('do not open when copied into another row', async () => {
    line = await freshTipline(database, { TIP_ENCRYPTION_KEY: keyA.toString('base64') });
    await text('Someone is watching my phone');
    // An attacker with write access swaps the reporter's number into a notification's text.
    const { reporter_number_sealed } = await line.db.selectFrom('conversations').select('reporter_number_sealed').executeTakeFirstOrThrow();
    await line.db.updateTable('outbox').set({ body_sealed: reporter_number_sealed }).where('purpose', '=', 'notify').execute();
    await expect(queuedTexts(line)).rejects.toThrow(/Unsupported state or unable to authenticate data/);
  });
});
