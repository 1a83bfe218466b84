import { sql, type Transaction } from 'kysely';
import { decrypt } from '../crypto.ts';
import type { Database, Db } from '../store/schema.ts';
import { LEASE, outboxRow, type LeasedSms, type OutgoingSms } from '../store/outbox-rows.ts';
import type { Sender } from './senders.ts';

/** Queues messages (in one statement) in the caller's transaction: sent only if the tip is stored. */
export async function enqueue(tx: Transaction<Database> | Db, key: Buffer, ...messages: OutgoingSms[]): Promise<void> {
  if (!messages.length) return;
  await tx.insertInto('outbox').values(messages.map((m) => outboxRow(m, key))).execute();
}

/** Seconds to wait before the next try: 5 s, 10 s, 20 s … at most 10 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 600);
}

/** Provider errors can quote the number they refused: keep digits out of what is stored. */
function withoutNumbers(message: string): string {
  return message.replace(/\+?\d[\d\s-]{5,}\d/g, '[number]').slice(0, 300);
}

/**
 * Sends messages already leased, then records the outcome: those sent in one statement (the store
 * is shared with incoming tips), each failure with its next try after a backoff, never dropped.
 */
export async function deliver(db: Db, sender: Sender, leased: LeasedSms[]): Promise<{ sent: number; failed: number }> {
  const sent: { id: string; sid: string; transport: string }[] = [];
  let failed = 0;
  for (const message of leased) {
    try {
      const result = await sender.send({ to: message.to, body: message.body });
      sent.push({ id: message.id, sid: result.sid, transport: result.transport });
    } catch (error) {
      await db
        .updateTable('outbox')
        .set({
          next_attempt_at: new Date(Date.now() + backoffSeconds(message.attempts) * 1000),
          last_error: withoutNumbers(error instanceof Error ? error.message : String(error)),
        })
        .where('id', '=', message.id)
        .execute();
      failed += 1;
    }
  }
  if (sent.length) {
    await sql`
      update outbox set sent_at = now(), transport = done.transport, provider_sid = done.sid, last_error = null
      from unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.sid)}::text[], ${sent.map((s) => s.transport)}::text[])
           as done (id, sid, transport)
      where outbox.id = done.id`.execute(db);
  }
  return { sent: sent.length, failed };
}

/**
 * Sends what is due. Each row is leased first (its next try moved ahead by LEASE), so two workers
 * never send the same message; a failure is retried with backoff, never dropped.
 */
export async function drainOutbox(db: Db, key: Buffer, sender: Sender, limit = 50): Promise<{ sent: number; failed: number }> {
  const due = await db
    .with('leased', (db) =>
      db.updateTable('outbox')
        .set({ next_attempt_at: sql`now() + ${LEASE}`, attempts: sql`attempts + 1` })
        .where('id', 'in', (q) =>
          q.selectFrom('outbox').select('id').where('sent_at', 'is', null).where('next_attempt_at', '<=', sql<Date>`now()`)
            .orderBy('next_attempt_at').orderBy('seq').limit(limit).forUpdate().skipLocked(),
        )
        .returning(['id', 'recipient_sealed', 'body_sealed', 'attempts', 'seq']),
    )
    .selectFrom('leased').selectAll().orderBy('seq')
    .execute();
  return deliver(db, sender, due.map((row) => ({ id: row.id, to: decrypt(row.recipient_sealed, key), body: decrypt(row.body_sealed, key), attempts: row.attempts })));
}

/**
 * Sends everything due, batch after batch, so a burst of tips does not wait for the next run.
 * Stops at a failure: the rest waits for its retry time.
 */
export async function drainAll(db: Db, key: Buffer, sender: Sender, batchSize = 100): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (let round = 0; round < 50; round++) {
    const batch = await drainOutbox(db, key, sender, batchSize);
    total.sent += batch.sent;
    total.failed += batch.failed;
    if (batch.sent + batch.failed < batchSize || batch.failed > 0) break;
  }
  return total;
}

