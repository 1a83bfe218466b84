import { sql, type Kysely } from 'kysely';

/**
 * The first schema of the tip store. Phone numbers and message texts are stored only encrypted;
 * a reporter is known by a keyed pseudonym. Deleting a conversation deletes everything in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reporter_pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('reporter_number_sealed', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('opted_out', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tips')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'voice', 'web')`))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('tip_id', 'uuid', (c) => c.references('tips.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn('twilio_sid', 'text')
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Twilio retries a webhook it thinks failed: its MessageSid or CallSid, recorded here first,
  // makes the second copy a no-op (one stored message, one reply), even for a DELETE that erased
  // the conversation. It holds no personal data.
  await db.schema
    .createTable('processed_requests')
    .addColumn('twilio_sid', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('messages_conversation').on('messages').column('conversation_id').execute();
  await db.schema.createIndex('conversations_last_message').on('conversations').column('last_message_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('processed_requests').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('tips').execute();
  await db.schema.dropTable('conversations').execute();
}
