import { sql, type Kysely } from 'kysely';

/**
 * Triage, routing and the outbox. Every message the line sends (a notification to responders, a
 * relayed answer) is first written to the outbox in the same transaction as the tip, then sent and
 * retried until Twilio takes it: an outage delays a message but never loses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tips')
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('route_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_by_name', 'text')
    .addColumn('claimed_by_phone', 'text')
    .addColumn('acknowledged_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tip_id', 'uuid', (c) => c.references('tips.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('recipient_sealed', 'text', (c) => c.notNull())
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('transport', 'text')
    .addColumn('provider_sid', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
  await db.schema.createIndex('tips_unacknowledged').on('tips').columns(['acknowledged_at', 'notified_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  for (const column of ['urgency', 'categories', 'route_index', 'escalation_step', 'notified_at', 'claimed_by_name', 'claimed_by_phone', 'acknowledged_at']) {
    await db.schema.alterTable('tips').dropColumn(column).execute();
  }
}
