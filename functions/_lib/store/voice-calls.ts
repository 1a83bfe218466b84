/**
 * What the voice line reads and writes besides the intake's rows: the steps of a call done once,
 * a caller's conversation, and the recordings of voice messages. Rows only: the call's rules are
 * the channel's.
 */
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from './schema.ts';

type DbOrTx = Db | Transaction<Database>;

/**
 * Marks something that must happen once per call (a keyed hash, kept with the ids of messages
 * taken in, as long as they are): true the first time, false for a retried webhook.
 */
export async function firstTime(db: DbOrTx, idHash: string): Promise<boolean> {
  const inserted = await db.insertInto('processed_requests').values({ id_hash: idHash }).onConflict((c) => c.doNothing()).returning('id_hash').executeTakeFirst();
  return inserted !== undefined;
}

/** Whether something marked with `firstTime` has happened. */
export async function happened(db: DbOrTx, idHash: string): Promise<boolean> {
  return (await db.selectFrom('processed_requests').select('id_hash').where('id_hash', '=', idHash).executeTakeFirst()) !== undefined;
}

/** A caller's conversation, by the pseudonym of their number. */
export async function conversationByPseudonym(db: DbOrTx, pseudonym: string): Promise<{ id: string; optedOut: boolean } | undefined> {
  const row = await db.selectFrom('conversations').select(['id', 'opted_out']).where('reporter_pseudonym', '=', pseudonym).executeTakeFirst();
  return row && { id: row.id, optedOut: row.opted_out };
}

/** A caller's conversation, made for them (with this id, their number sealed to it) if they have none yet; returns its id. */
export async function ensureConversation(
  tx: Transaction<Database>,
  conversation: { id: string; reporterPseudonym: string; reporterNumberSealed: string; locale: string; country: string | null },
): Promise<string> {
  const row = await tx.insertInto('conversations')
    .values({
      id: conversation.id, reporter_pseudonym: conversation.reporterPseudonym, reporter_number_sealed: conversation.reporterNumberSealed,
      locale: conversation.locale, country: conversation.country,
    })
    .onConflict((c) => c.column('reporter_pseudonym').doUpdateSet({ last_message_at: sql`now()` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Keeps a voice message's recording with its caller's conversation, once (Twilio may call twice).
 * False when the conversation is not there (erased meanwhile): the caller erases the audio then.
 */
export async function saveRecording(
  db: DbOrTx,
  recording: { id: string; reporterPseudonym: string; sidHash: string; sidSealed: string; seconds: number },
): Promise<boolean> {
  const { rows } = await sql<{ conversation_id: string }>`
    insert into recordings (id, conversation_id, sid_hash, sid_sealed, seconds)
    select ${recording.id}::uuid, id, ${recording.sidHash}, ${recording.sidSealed}, ${recording.seconds}
    from conversations where reporter_pseudonym = ${recording.reporterPseudonym}
    on conflict (sid_hash) do update set seconds = excluded.seconds
    returning conversation_id`.execute(db);
  return rows.length > 0;
}

/** The voice messages of a tip's conversation, newest first. */
export async function recordingsOfTip(db: DbOrTx, ref: string): Promise<{ id: string; seconds: number }[]> {
  return db.selectFrom('recordings as r')
    .innerJoin('tips as t', 't.conversation_id', 'r.conversation_id')
    .select(['r.id', 'r.seconds'])
    .where('t.ref', '=', ref)
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** One recording's id at Twilio, sealed, if its report still exists. */
export async function recordingById(db: DbOrTx, id: string): Promise<{ id: string; sidSealed: string } | undefined> {
  const row = await db.selectFrom('recordings').select('sid_sealed').where('id', '=', id).executeTakeFirst();
  return row && { id, sidSealed: row.sid_sealed };
}

/** Which of these responders staff have revoked (npm run responders -- revoke). */
export async function revokedAmong(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('responders').select('key').where('key', 'in', keys).where('revoked_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.key));
}
