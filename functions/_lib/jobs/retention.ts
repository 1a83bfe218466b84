import { unseal, type Keyring } from '../crypto.ts';
import { queueErasures, sentAbout } from '../store/inbound-batch.ts';
import { reporterNumberAt } from '../store/sealed.ts';
import type { Db } from '../store/schema.ts';
import { purgeWebLeftovers } from '../store/web-reports.ts';

export interface RetentionContext {
  db: Db;
  sealing: Keyring;
  config: { retentionDays: number; replayGuardDays: number; eraseDelayMs: number };
}

/**
 * Deletes conversations (with their tips, messages and queued messages) past the retention period,
 * and queues the erasure of what they left at Twilio: every message to and from the reporter's
 * number, and the SMS that told responders about them. The keyed hashes of message ids are kept
 * longer (REPLAY_GUARD_DAYS), so a request replayed after the erasure re-creates nothing. Then
 * what the web report leaves behind (receipts of deleted reports, past rate-limit counts).
 */
export async function purgeExpired(ctx: RetentionContext, now = new Date()): Promise<number> {
  const { db, config } = ctx;
  const cutoff = new Date(now.getTime() - config.retentionDays * 86_400_000);
  let purged = 0;
  for (;;) {
    const expired = await db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('conversations').select(['id', 'reporter_number_sealed'])
        .where('last_message_at', '<', cutoff).limit(100).forUpdate().skipLocked().execute();
      if (!rows.length) return 0;
      const ids = rows.map((r) => r.id);
      const erasures = [
        // A web reporter has no number, and nothing at Twilio.
        ...rows.filter((r) => r.reporter_number_sealed !== null)
          .map((r) => ({ purpose: 'erase-conversation' as const, target: unseal(r.reporter_number_sealed!, ctx.sealing, reporterNumberAt(r.id)) })),
        ...(await sentAbout(tx, ctx.sealing, ids)),
      ];
      await queueErasures(tx, ctx.sealing, erasures, 0);
      await tx.deleteFrom('conversations').where('id', 'in', ids).execute();
      return rows.length;
    });
    purged += expired;
    if (expired < 100) break;
  }
  await db.deleteFrom('processed_requests').where('received_at', '<', new Date(now.getTime() - config.replayGuardDays * 86_400_000)).execute();
  await db.deleteFrom('outbox').where('sent_at', '<', cutoff).execute();
  await db.deleteFrom('sms_usage').where('hour', '<', new Date(now.getTime() - 86_400_000)).execute();
  await purgeWebLeftovers(db, now);
  return purged;
}
