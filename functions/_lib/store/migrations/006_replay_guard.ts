import type { Kysely, Migration } from 'kysely';
import { providerIdHash } from '../../crypto.ts';
import type { StoreKeys } from '../schema.ts';

/**
 * Message ids only as keyed hashes. Twilio's MessageSid names a record Twilio keeps (until the line
 * erases it there); the store needs only to recognise an id it has seen, to make a retry or a
 * replayed request a no-op, and keeps that longer than the data. Existing ids are hashed here.
 */
export function replayGuard(keys: StoreKeys): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('processed_requests').renameColumn('twilio_sid', 'id_hash').execute();
      await db.schema.alterTable('messages').renameColumn('twilio_sid', 'provider_id_hash').execute();
      for (const { id_hash } of await db.selectFrom('processed_requests').select('id_hash').execute()) {
        await db.updateTable('processed_requests').set({ id_hash: providerIdHash(id_hash, keys.pseudonymKey) }).where('id_hash', '=', id_hash).execute();
      }
      for (const { id, provider_id_hash } of await db.selectFrom('messages').select(['id', 'provider_id_hash']).where('provider_id_hash', 'is not', null).execute()) {
        await db.updateTable('messages').set({ provider_id_hash: providerIdHash(provider_id_hash, keys.pseudonymKey) }).where('id', '=', id).execute();
      }
    },

    // A hash cannot be turned back into the id: going back restores the names only.
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('messages').renameColumn('provider_id_hash', 'twilio_sid').execute();
      await db.schema.alterTable('processed_requests').renameColumn('id_hash', 'twilio_sid').execute();
    },
  };
}
