import { sql, type Kysely, type Migration } from 'kysely';
import { responderKey, unsealUnbound } from '../../crypto.ts';
import type { StoreKeys } from '../schema.ts';

/**
 * Caps and references. Replies to a reporter are paced (the conversation remembers its last ones);
 * a tip nobody takes ends "unanswered"; the outbox sends urgent messages first, gathers new
 * messages on one tip into one SMS, and counts what goes out each hour. Recipients become
 * references: a responder by key (a keyed pseudonym of their number), a reporter by conversation.
 * Existing rows are converted, which needs the keys: the numbers they held sealed are read once,
 * and no longer stored.
 */
export function capsAndReferences(keys: StoreKeys): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('conversations')
        .addColumn('last_reply_at', 'timestamptz')
        .addColumn('last_follow_up_at', 'timestamptz')
        .execute();

      await db.schema.alterTable('tips').addColumn('claimed_by', 'text').execute();
      const claimed = await db.selectFrom('tips').select(['id', 'claimed_by_phone']).where('claimed_by_phone', 'is not', null).execute();
      for (const tip of claimed) {
        await db.updateTable('tips').set({ claimed_by: responderKey(tip.claimed_by_phone, keys.pseudonymKey) }).where('id', '=', tip.id).execute();
      }
      await db.schema.alterTable('tips').dropColumn('claimed_by_phone').dropColumn('claimed_by_name').execute();

      await db.schema.alterTable('outbox')
        .addColumn('responder_key', 'text')
        .addColumn('conversation_id', 'uuid', (c) => c.references('conversations.id').onDelete('cascade'))
        .addColumn('priority', 'smallint', (c) => c.notNull().defaultTo(1))
        .addColumn('coalesce_key', 'text')
        .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(1))
        .alterColumn('body_sealed', (c) => c.dropNotNull())
        .execute();
      const queued = await db.selectFrom('outbox').leftJoin('tips', 'tips.id', 'outbox.tip_id')
        .select(['outbox.id', 'outbox.purpose', 'outbox.recipient_sealed', 'tips.conversation_id']).execute();
      for (const row of queued) {
        const reference = row.purpose === 'to-reporter'
          ? { conversation_id: row.conversation_id }
          : { responder_key: responderKey(unsealUnbound(row.recipient_sealed, keys.sealing), keys.pseudonymKey) };
        await db.updateTable('outbox').set(reference).where('id', '=', row.id).execute();
      }
      await db.schema.alterTable('outbox').dropColumn('recipient_sealed').execute();

      await db.schema.dropIndex('outbox_due').execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['priority', 'next_attempt_at', 'seq']).where(sql.ref('sent_at'), 'is', null).execute();
      await db.schema.createIndex('outbox_coalesce').on('outbox').column('coalesce_key').unique().where(sql.ref('coalesce_key'), 'is not', null).execute();
      await db.schema.createIndex('outbox_conversation').on('outbox').column('conversation_id').execute();

      await db.schema.createTable('sms_usage')
        .addColumn('hour', 'timestamptz', (c) => c.primaryKey())
        .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('alerted', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
    },

    // The numbers the old columns held are gone for good: going back restores the shape only.
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('sms_usage').execute();
      await db.schema.dropIndex('outbox_conversation').execute();
      await db.schema.dropIndex('outbox_coalesce').execute();
      await db.schema.dropIndex('outbox_due').execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['next_attempt_at', 'seq']).where(sql.ref('sent_at'), 'is', null).execute();
      await db.deleteFrom('outbox').execute();
      await db.schema.alterTable('outbox')
        .dropColumn('responder_key').dropColumn('conversation_id').dropColumn('priority').dropColumn('coalesce_key').dropColumn('messages')
        .addColumn('recipient_sealed', 'text', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('tips').dropColumn('claimed_by').addColumn('claimed_by_name', 'text').addColumn('claimed_by_phone', 'text').execute();
      await db.schema.alterTable('conversations').dropColumn('last_reply_at').dropColumn('last_follow_up_at').execute();
    },
  };
}
