import type { Db } from '../store/schema.ts';
import { decrypt } from '../crypto.ts';
import { routeAt, type Directory } from '../routing/directory.ts';
import { enqueue } from '../outbox/delivery.ts';
import { notificationText, notificationsFor } from '../routing/notifications.ts';

/**
 * A tip nobody has taken (ACK) within its route's ackMinutes goes to the next group of the chain,
 * then the next, and so on; the last group is reminded at the same pace until someone answers.
 */
export async function escalateOverdue(db: Db, key: Buffer, directory: Directory, now = new Date()): Promise<number> {
  // Only tips past the shortest wait can be due: the store need not read every open tip each run.
  const soonest = Math.min(...directory.routes.map((r) => r.ackMinutes));
  const open = await db.selectFrom('tips').selectAll().where('acknowledged_at', 'is', null)
    .where('notified_at', '<=', new Date(now.getTime() - soonest * 60_000)).execute();
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
      await enqueue(tx, key, ...notificationsFor(directory, route.notify[step], tip.id, 'escalate', notificationText(current, summary, 'UNANSWERED tip')));
      escalated += 1;
    });
  }
  return escalated;
}
