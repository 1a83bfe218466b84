import { sql, type Kysely } from 'kysely';

/**
 * Indexes for what intake and the jobs look up on every run, which would otherwise read whole
 * tables as they grow: a conversation's latest tip, the rows a deleted tip takes with it (DELETE
 * and retention), and the Twilio ids past the retention period. The outbox's index of what is due
 * now holds unsent messages only: it stays small, and marking a message sent no longer adds to it.
 *
 * Every incoming message updates its conversation. Without an index on last_message_at, and with
 * room left in each page, PostgreSQL makes that update in place (a HOT update) instead of writing
 * to every index of the table; retention, which runs every few minutes, reads the table instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_last_message').execute();
  await sql`alter table conversations set (fillfactor = 70)`.execute(db);
  await db.schema.dropIndex('outbox_due').execute();
  await db.schema.createIndex('outbox_due').on('outbox').column('next_attempt_at').where(sql.ref('sent_at'), 'is', null).execute();
  await db.schema.createIndex('outbox_sent').on('outbox').column('sent_at').where(sql.ref('sent_at'), 'is not', null).execute();
  await db.schema.createIndex('tips_conversation').on('tips').columns(['conversation_id', 'created_at']).execute();
  await db.schema.createIndex('messages_tip').on('messages').column('tip_id').execute();
  await db.schema.createIndex('outbox_tip').on('outbox').column('tip_id').execute();
  await db.schema.createIndex('processed_requests_received').on('processed_requests').column('received_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('conversations_last_message').on('conversations').column('last_message_at').execute();
  await sql`alter table conversations reset (fillfactor)`.execute(db);
  await db.schema.dropIndex('outbox_sent').execute();
  await db.schema.dropIndex('outbox_due').execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
  for (const index of ['tips_conversation', 'messages_tip', 'outbox_tip', 'processed_requests_received']) {
    await db.schema.dropIndex(index).execute();
  }
}
