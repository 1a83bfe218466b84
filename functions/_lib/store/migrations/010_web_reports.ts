import { sql, type Kysely } from 'kysely';

/**
 * Reports from the web form. A web reporter has no phone number: their conversation holds none,
 * and they come back with a receipt (a short lookup id and a secret) instead. The store keeps only
 * a slow hash of the secret (scrypt) and the conversation's pseudonym, never the secret. A receipt
 * is written before its report and names the conversation by pseudonym, so one whose report was
 * never stored, or has been deleted, is an orphan the jobs remove.
 *
 * Rate limits count requests per client address for one window, under a keyed hash of the address
 * whose key changes every day; a row is removed once its window has passed. The address itself is
 * never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').alterColumn('reporter_number_sealed', (c) => c.dropNotNull()).execute();

  await db.schema
    .createTable('web_receipts')
    .addColumn('lookup', 'text', (c) => c.primaryKey())
    .addColumn('reporter_pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_after', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('web_receipts').execute();
  await sql`delete from conversations where reporter_number_sealed is null`.execute(db);
  await db.schema.alterTable('conversations').alterColumn('reporter_number_sealed', (c) => c.setNotNull()).execute();
}
