/**
 * Responders' access as the store keeps it (a PIN hash, wrong PINs in a row, lock-out, session,
 * revocation), by the key the store names a responder by. The rules are the intake's.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database, Db } from './schema.ts';

export type ResponderAccess = Selectable<Database['responders']>;

export function readAccess(db: Db | Transaction<Database>, key: string): Promise<ResponderAccess | undefined> {
  return db.selectFrom('responders').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Sets a new PIN (its hash): clears a lock-out and the count of wrong PINs, ends any session. */
export async function setPinHash(db: Db, key: string, pinHash: string): Promise<void> {
  await db.insertInto('responders').values({ key, pin_hash: pinHash })
    .onConflict((c) => c.column('key').doUpdateSet({ pin_hash: pinHash, failed_pins: 0, locked_at: null, session_until: null, updated_at: sql`now()` }))
    .execute();
}

/** A right PIN: the count starts again and a session opens. */
export async function openSession(tx: Transaction<Database>, key: string, until: Date): Promise<void> {
  await tx.updateTable('responders').set({ failed_pins: 0, session_until: until, updated_at: sql`now()` }).where('key', '=', key).execute();
}

/** A wrong PIN: counted, and the responder locked out at `lockAfter` in a row. Returns the new count and whether this locked them. */
export async function recordWrongPin(tx: Transaction<Database>, key: string, lockAfter: number): Promise<{ failed: number; locked: boolean }> {
  const row = await tx.updateTable('responders')
    .set({
      failed_pins: sql`failed_pins + 1`,
      session_until: null,
      locked_at: sql`case when failed_pins + 1 >= ${lockAfter} then now() else locked_at end`,
      updated_at: sql`now()`,
    })
    .where('key', '=', key).where('locked_at', 'is', null)
    .returning(['failed_pins', 'locked_at']).executeTakeFirst();
  return { failed: row?.failed_pins ?? lockAfter, locked: !!row?.locked_at };
}

/** Staff revoke a responder: refused from now on, and the tips they held go back to escalation. */
export async function revoke(db: Db, key: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await tx.insertInto('responders').values({ key, revoked_at: sql`now()` })
      .onConflict((c) => c.column('key').doUpdateSet({ revoked_at: sql`now()`, session_until: null, updated_at: sql`now()` })).execute();
    const released = await tx.updateTable('tips')
      .set({ claimed_by: null, acknowledged_at: null, status: 'new', notified_at: new Date(0) })
      .where('claimed_by', '=', key).executeTakeFirst();
    return Number(released.numUpdatedRows);
  });
}

/** Staff let a revoked or locked-out responder act again. */
export async function reinstate(db: Db, key: string): Promise<void> {
  await db.updateTable('responders').set({ revoked_at: null, locked_at: null, failed_pins: 0, updated_at: sql`now()` }).where('key', '=', key).execute();
}
