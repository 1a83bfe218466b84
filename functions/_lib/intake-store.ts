import { sql, type Transaction } from 'kysely';
import type { Database } from './db.ts';
import type { InboundSms } from './intake.ts';
import { enqueue } from './outbox.ts';
import type { IntakeWrites, ReporterState } from './reporter-messages.ts';

type Tx = Transaction<Database>;

/**
 * Records each message's Twilio id, in one statement, and returns the positions of the messages
 * seen for the first time. Twilio retries a webhook it thinks failed: a second copy, in this batch
 * or any before, is a no-op (one stored message, one reply).
 */
export async function firstDeliveries(tx: Tx, batch: InboundSms[]): Promise<number[]> {
  const seen = new Set<string>();
  const firstInBatch = batch.flatMap((sms, i) => (seen.has(sms.messageSid) ? [] : (seen.add(sms.messageSid), [i])));
  const inserted = await tx
    .insertInto('processed_requests')
    .values(firstInBatch.map((i) => ({ twilio_sid: batch[i].messageSid })))
    .onConflict((c) => c.doNothing())
    .returning('twilio_sid')
    .execute();
  const fresh = new Set(inserted.map((r) => r.twilio_sid));
  return firstInBatch.filter((i) => fresh.has(batch[i].messageSid));
}

/** The conversations of these reporters, each with its latest tip, in one statement. */
export async function loadReporters(tx: Tx, pseudonyms: string[]): Promise<Map<string, ReporterState>> {
  const rows = await tx
    .selectFrom('conversations as c')
    .leftJoinLateral(
      (eb) =>
        eb.selectFrom('tips')
          .select(['id', 'ref', 'urgency', 'country', 'locale', 'categories', 'route_index', 'escalation_step', 'claimed_by_phone'])
          .whereRef('tips.conversation_id', '=', 'c.id')
          .orderBy('created_at', 'desc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id', 'c.reporter_pseudonym', 'c.locale', 'c.opted_out',
      't.id as tip_id', 't.ref', 't.urgency', 't.country', 't.locale as tip_locale', 't.categories', 't.route_index',
      't.escalation_step', 't.claimed_by_phone',
    ])
    .where('c.reporter_pseudonym', 'in', [...new Set(pseudonyms)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.reporter_pseudonym,
      {
        conversation: { id: r.id, locale: r.locale, optedOut: r.opted_out },
        tip: r.tip_id
          ? {
              id: r.tip_id, ref: r.ref!, urgency: r.urgency!, country: r.country, locale: r.tip_locale!, categories: r.categories!,
              route_index: r.route_index!, escalation_step: r.escalation_step!, claimed_by_phone: r.claimed_by_phone,
            }
          : undefined,
      },
    ]),
  );
}

/**
 * Writes a batch's changes with one statement per table, parents before children; a conversation
 * erased in the batch goes first, so its reporter can start a new one in the same batch.
 */
export async function saveWrites(tx: Tx, key: Buffer, writes: IntakeWrites): Promise<void> {
  if (writes.deletedConversations.length) {
    await tx.deleteFrom('conversations').where('id', 'in', writes.deletedConversations).execute();
  }
  if (writes.newConversations.length) await tx.insertInto('conversations').values(writes.newConversations).execute();
  const changed = writes.changedConversations;
  if (changed.length) {
    await sql`
      update conversations as c
      set locale = u.locale, opted_out = u.opted_out,
          last_message_at = case when u.messaged then now() else c.last_message_at end
      from (select unnest(${changed.map((c) => c.id)}::uuid[]) as id, unnest(${changed.map((c) => c.locale)}::text[]) as locale,
                   unnest(${changed.map((c) => c.optedOut)}::boolean[]) as opted_out,
                   unnest(${changed.map((c) => c.messaged)}::boolean[]) as messaged) as u
      where c.id = u.id`.execute(tx);
  }
  if (writes.newTips.length) await tx.insertInto('tips').values(writes.newTips).execute();
  if (writes.messages.length) await tx.insertInto('messages').values(writes.messages).execute();
  await enqueue(tx, key, ...writes.outbox);
}
