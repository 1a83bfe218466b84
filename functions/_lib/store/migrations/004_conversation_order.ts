import { sql, type Kysely } from 'kysely';

/**
 * A conversation in order. DELETE asks for confirmation, so a conversation remembers when a first
 * DELETE came. Messages queued for one person go out in the order they were queued: a sequence
 * number orders them, even those queued by one transaction (which share a timestamp).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('delete_requested_at', 'timestamptz').execute();
  await db.schema.alterTable('outbox').addColumn('seq', 'bigint', (c) => c.generatedByDefaultAsIdentity().notNull()).execute();
  await db.schema.dropIndex('outbox_due').execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['next_attempt_at', 'seq']).where(sql.ref('sent_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_due').execute();
  await db.schema.createIndex('outbox_due').on('outbox').column('next_attempt_at').where(sql.ref('sent_at'), 'is', null).execute();
  await db.schema.alterTable('outbox').dropColumn('seq').execute();
  await db.schema.alterTable('conversations').dropColumn('delete_requested_at').execute();
}
