import type { Db } from '../store/schema.ts';

/** Deletes conversations (with their tips, messages and queued messages) past the retention period. */
export async function purgeExpired(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const deleted = await db.deleteFrom('conversations').where('last_message_at', '<', cutoff).executeTakeFirst();
  await db.deleteFrom('processed_requests').where('received_at', '<', cutoff).execute();
  await db.deleteFrom('outbox').where('sent_at', '<', cutoff).execute();
  await db.deleteFrom('sms_usage').where('hour', '<', new Date(now.getTime() - 86_400_000)).execute();
  return Number(deleted.numDeletedRows);
}
