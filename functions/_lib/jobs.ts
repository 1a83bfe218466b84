import type { Db } from './db.ts';
import { decrypt } from './crypto.ts';
import { routeAt, type Directory } from './directory.ts';
import { drainOutbox, type Sender } from './outbox.ts';
import { notificationText, notifyGroup } from './routing.ts';

/**
 * A tip nobody has taken (ACK) within its route's ackMinutes goes to the next group of the chain,
 * then the next, and so on; the last group is reminded at the same pace until someone answers.
 */
export async function escalateOverdue(db: Db, key: Buffer, directory: Directory, now = new Date()): Promise<number> {
  const open = await db.selectFrom('tips').selectAll().where('acknowledged_at', 'is', null).execute();
  let escalated = 0;
  for (const tip of open) {
    const route = routeAt(directory, tip.route_index);
    if (now.getTime() - tip.notified_at.getTime() < route.ackMinutes * 60_000) continue;
    await db.transaction().execute(async (tx) => {
      // Re-read under a lock: another worker may have escalated it or a responder taken it.
      const current = await tx.selectFrom('tips').selectAll().where('id', '=', tip.id).where('acknowledged_at', 'is', null)
        .forUpdate().executeTakeFirst();
      if (!current || now.getTime() - current.notified_at.getTime() < route.ackMinutes * 60_000) return;
      const step = Math.min(current.escalation_step + 1, route.notify.length - 1);
      const first = await tx.selectFrom('messages').select('body_sealed').where('tip_id', '=', tip.id).where('direction', '=', 'in')
        .orderBy('created_at').executeTakeFirst();
      const summary = first ? decrypt(first.body_sealed, key) : '';
      await tx.updateTable('tips').set({ escalation_step: step, notified_at: now }).where('id', '=', tip.id).execute();
      await notifyGroup(tx, key, directory, route.notify[step], tip.id, 'escalate', notificationText(current, summary, 'UNANSWERED tip'));
      escalated += 1;
    });
  }
  return escalated;
}

/** Deletes conversations (with their tips, messages and queued messages) past the retention period. */
export async function purgeExpired(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const deleted = await db.deleteFrom('conversations').where('last_message_at', '<', cutoff).executeTakeFirst();
  await db.deleteFrom('processed_requests').where('received_at', '<', cutoff).execute();
  await db.deleteFrom('outbox').where('sent_at', '<', cutoff).execute();
  return Number(deleted.numDeletedRows);
}

export interface JobContext {
  db: Db;
  encryptionKey: Buffer;
  directory: Directory;
  sender: Sender;
  config: { retentionDays: number };
}

/** Everything periodic, once: the local server calls it on a timer, Netlify on a schedule. */
export async function runJobs(ctx: JobContext, now = new Date()) {
  // Keep sending while whole batches go out, so a burst of tips does not wait for the next run.
  const outbox = { sent: 0, failed: 0 };
  for (let round = 0; round < 20; round++) {
    const batch = await drainOutbox(ctx.db, ctx.encryptionKey, ctx.sender);
    outbox.sent += batch.sent;
    outbox.failed += batch.failed;
    if (batch.sent + batch.failed < 50 || batch.failed > 0) break;
  }
  const escalated = await escalateOverdue(ctx.db, ctx.encryptionKey, ctx.directory, now);
  const purged = await purgeExpired(ctx.db, ctx.config.retentionDays, now);
  return { ...outbox, escalated, purged };
}
