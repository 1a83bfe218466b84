import { sql, type Kysely } from 'kysely';

/**
 * Responders' access, which staff change without a redeploy: each responder (by key, a keyed
 * pseudonym of their number) has a PIN, stored only as a slow hash, a count of wrong PINs in a row,
 * and may be locked out, in a session (a PIN given lately), or revoked. The directory file still
 * says who is in which group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('responders')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('pin_hash', 'text')
    .addColumn('failed_pins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('session_until', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('responders').execute();
}
