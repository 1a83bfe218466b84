/**
 * What the web channel reads and writes beyond the intake's rows: receipts, a report's thread, and
 * the erasure a web reporter asks for. Rows only: the rules (how slow, how many) are the channel's.
 */
import { sql } from 'kysely';
import type { Keyring } from '../crypto.ts';
import { queueErasures, sentAbout } from './inbound-batch.ts';
import type { Db } from './schema.ts';

export interface StoredReceipt {
  lookup: string;
  reporterPseudonym: string;
  secretHash: string;
  failures: number;
  retryAfter: Date | null;
}

/** Writes a new receipt; false when its lookup id is taken already (the caller draws another). */
export async function insertReceipt(db: Db, receipt: { lookup: string; reporterPseudonym: string; secretHash: string }): Promise<boolean> {
  const inserted = await db.insertInto('web_receipts')
    .values({ lookup: receipt.lookup, reporter_pseudonym: receipt.reporterPseudonym, secret_hash: receipt.secretHash })
    .onConflict((c) => c.doNothing())
    .returning('lookup')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The receipt with this lookup id, if its report is still stored. */
export async function findReceipt(db: Db, lookup: string): Promise<StoredReceipt | undefined> {
  const row = await db.selectFrom('web_receipts as r')
    .innerJoin('conversations as c', 'c.reporter_pseudonym', 'r.reporter_pseudonym')
    .select(['r.lookup', 'r.reporter_pseudonym', 'r.secret_hash', 'r.failures', 'r.retry_after'])
    .where('r.lookup', '=', lookup)
    .executeTakeFirst();
  return row && { lookup: row.lookup, reporterPseudonym: row.reporter_pseudonym, secretHash: row.secret_hash, failures: row.failures, retryAfter: row.retry_after };
}

/** Counts a wrong secret, and holds off the next try until `retryAfter` (null: no wait). */
export async function recordFailure(db: Db, lookup: string, retryAfter: Date | null): Promise<void> {
  await db.updateTable('web_receipts').set((eb) => ({ failures: eb('failures', '+', 1), retry_after: retryAfter }))
    .where('lookup', '=', lookup).execute();
}

/** The right secret: the count of failures starts again. */
export async function recordSuccess(db: Db, lookup: string): Promise<void> {
  await db.updateTable('web_receipts').set({ failures: 0, retry_after: null }).where('lookup', '=', lookup).where('failures', '>', 0).execute();
}

export interface ThreadMessage {
  id: string;
  direction: 'in' | 'out';
  bodySealed: string;
  createdAt: Date;
}

/** A web report's messages, oldest first: the reporter's own and the responders' answers. */
export async function threadOf(db: Db, reporterPseudonym: string): Promise<ThreadMessage[]> {
  const rows = await db.selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.id', 'm.direction', 'm.body_sealed', 'm.created_at'])
    .where('c.reporter_pseudonym', '=', reporterPseudonym)
    .orderBy('m.created_at').orderBy('m.direction')
    .execute();
  return rows.map((r) => ({ id: r.id, direction: r.direction, bodySealed: r.body_sealed, createdAt: r.created_at }));
}

/**
 * Erases a web report: its conversation (with its tips, messages and queued SMS) and its receipt,
 * and queues the erasure at Twilio of the SMS that told responders of it (they carry its words).
 */
export async function eraseWebReport(db: Db, sealing: Keyring, receipt: { lookup: string; reporterPseudonym: string }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const conversations = await tx.selectFrom('conversations').select('id').where('reporter_pseudonym', '=', receipt.reporterPseudonym).execute();
    await queueErasures(tx, sealing, await sentAbout(tx, sealing, conversations.map((c) => c.id)), 0);
    await tx.deleteFrom('conversations').where('reporter_pseudonym', '=', receipt.reporterPseudonym).execute();
    await tx.deleteFrom('web_receipts').where('lookup', '=', receipt.lookup).execute();
  });
}

/**
 * Receipts whose report is gone (deleted at the end of the retention period, or never stored
 * because its intake failed), and rate-limit counts from before the last hour.
 */
export async function purgeWebLeftovers(db: Db, now = new Date()): Promise<void> {
  // A receipt is written a moment before its report: an hour leaves the newest alone.
  const anHourAgo = new Date(now.getTime() - 3_600_000);
  await db.deleteFrom('web_receipts')
    .where('created_at', '<', anHourAgo)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('conversations as c').select(sql.lit(1).as('one')).whereRef('c.reporter_pseudonym', '=', 'web_receipts.reporter_pseudonym'))))
    .execute();
  await db.deleteFrom('rate_limits').where('window_start', '<', anHourAgo).execute();
}

/** Counts one request under `key` in the window that began at `windowStart`; returns the count. */
export async function countRequest(db: Db, key: string, windowStart: Date): Promise<number> {
  const row = await db.insertInto('rate_limits').values({ key, window_start: windowStart, hits: 1 })
    .onConflict((c) => c.column('key').doUpdateSet({
      hits: sql`case when rate_limits.window_start < excluded.window_start then 1 else rate_limits.hits + 1 end`,
      window_start: sql`greatest(rate_limits.window_start, excluded.window_start)`,
    }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}
