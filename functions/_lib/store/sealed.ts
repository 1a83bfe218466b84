import { sql, type Kysely } from 'kysely';
import { seal, sealedWith, unseal, unsealUnbound, type Keyring, type Place } from '../crypto.ts';

/**
 * Every sealed column of the store. Each value in them is bound to its place (crypto.ts seal):
 * copied into another row or column, it does not open.
 */
const sealedColumns = [
  { table: 'conversations', column: 'reporter_number_sealed' },
  { table: 'messages', column: 'body_sealed' },
  { table: 'outbox', column: 'body_sealed' },
  { table: 'recordings', column: 'sid_sealed' },
] as const;

export const reporterNumberAt = (conversationId: string): Place => ({ table: 'conversations', column: 'reporter_number_sealed', id: conversationId });
export const messageBodyAt = (messageId: string): Place => ({ table: 'messages', column: 'body_sealed', id: messageId });
export const outboxBodyAt = (outboxId: string): Place => ({ table: 'outbox', column: 'body_sealed', id: outboxId });
export const recordingSidAt = (recordingId: string): Place => ({ table: 'recordings', column: 'sid_sealed', id: recordingId });

/** A stored value, opened with whichever configured key it was sealed with, and sealed anew with the current key, bound to its place. */
function resealed(value: string, keys: Keyring, place: Place): string {
  const plain = sealedWith(value) ? unseal(value, keys, place) : unsealUnbound(value, keys);
  return seal(plain, keys, place);
}

/**
 * Seals every stored value not yet sealed with the current key (TIP_ENCRYPTION_KEY) anew with it:
 * values from before a key rotation (their keys in TIP_ENCRYPTION_OLD_KEYS), and values from
 * before sealing was bound to a place. A batch at a time, each in its own transaction, so the
 * line keeps working meanwhile. Returns how many values were sealed anew.
 */
export async function resealAll(db: Kysely<any>, keys: Keyring, batchSize = 500): Promise<number> {
  const current = `v2.${keys.current.id}.%`;
  let count = 0;
  for (const { table, column } of sealedColumns) {
    // A table a later migration makes is not there yet when an earlier one re-seals (008 before 011).
    const { rows: [{ exists }] } = await sql<{ exists: boolean }>`select to_regclass(${table}) is not null as exists`.execute(db);
    if (!exists) continue;
    for (;;) {
      // In a migration the whole run is already one transaction.
      const inTransaction = <T>(work: (tx: Kysely<any>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
      const done = await inTransaction(async (tx) => {
        const rows: { id: string; value: string }[] = await tx.selectFrom(table).select(['id', sql.ref<string>(column).as('value')])
          .where(sql.ref(column), 'is not', null).where(sql.ref(column), 'not like', current)
          .orderBy('id').limit(batchSize).forUpdate().skipLocked().execute();
        for (const row of rows) {
          await tx.updateTable(table).set({ [column]: resealed(row.value, keys, { table, column, id: row.id }) }).where('id', '=', row.id).execute();
        }
        return rows.length;
      });
      count += done;
      if (done < batchSize) break;
    }
  }
  return count;
}
