import { sql, type Kysely } from 'kysely';

/**
 * Voice messages left on the voice line. Twilio keeps the audio; the store keeps its id (sealed),
 * a keyed hash of that id (so Twilio's retried webhook stores it once) and its length. A recording
 * belongs to its caller's conversation and goes with it: on DELETE and at the end of the retention
 * period, the audio is erased at Twilio too (store/inbound-batch.ts, sentAbout).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recordings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('sid_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sid_sealed', 'text', (c) => c.notNull())
    .addColumn('seconds', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('recordings_conversation').on('recordings').column('conversation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recordings').execute();
}
