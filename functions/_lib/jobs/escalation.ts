import type { Limits } from '../config.ts';
import { unseal, type Keyring } from '../crypto.ts';
import { alertGroup, routeAt, type Directory, type Responders } from '../routing/directory.ts';
import { enqueue } from '../outbox/delivery.ts';
import { alertsFor, membersOf, notificationText, notificationsFor } from '../routing/notifications.ts';
import { messageBodyAt } from '../store/sealed.ts';
import type { Db } from '../store/schema.ts';

export interface EscalationContext {
  db: Db;
  sealing: Keyring;
  directory: Directory;
  responders: Responders;
  limits: Pick<Limits, 'escalationReminders'>;
}

/**
 * A tip nobody has taken (ACK) within its route's ackMinutes goes to the next group of the chain,
 * then the next; the last group is reminded at the same pace a few times (ESCALATION_REMINDERS).
 * Then it stops: the tip is marked unanswered and staff are told once, rather than a junk tip
 * costing an SMS every few minutes until retention.
 */
export async function escalateOverdue(ctx: EscalationContext, now = new Date()): Promise<number> {
  const { db, directory } = ctx;
  // Only tips past the shortest wait can be due: the store need not read every open tip each run.
  const soonest = Math.min(...directory.routes.map((r) => r.ackMinutes));
  const open = await db.selectFrom('tips').selectAll().where('acknowledged_at', 'is', null).where('status', '=', 'new')
    .where('notified_at', '<=', new Date(now.getTime() - soonest * 60_000)).execute();
  let escalated = 0;
  for (const tip of open) {
    const route = routeAt(directory, tip.route_index);
    if (now.getTime() - tip.notified_at.getTime() < route.ackMinutes * 60_000) continue;
    await db.transaction().execute(async (tx) => {
      // Re-read under a lock: another worker may have escalated it or a responder taken it.
      const current = await tx.selectFrom('tips').selectAll().where('id', '=', tip.id).where('acknowledged_at', 'is', null)
        .where('status', '=', 'new').forUpdate().executeTakeFirst();
      if (!current || now.getTime() - current.notified_at.getTime() < route.ackMinutes * 60_000) return;
      const last = route.notify.length - 1;
      const step = current.escalation_step + 1;
      const reminder = step - last;
      if (reminder > ctx.limits.escalationReminders) {
        await tx.updateTable('tips').set({ status: 'unanswered' }).where('id', '=', tip.id).execute();
        const staff = membersOf(directory, ctx.responders, alertGroup(directory).id);
        await enqueue(tx, ctx.sealing, ...alertsFor(staff,
          `Tip ${tip.ref} is marked unanswered: nobody took it after its chain and ${ctx.limits.escalationReminders} reminders. No more reminders will be sent.`, tip.id));
        return;
      }
      const first = await tx.selectFrom('messages').select(['id', 'body_sealed']).where('tip_id', '=', tip.id).where('direction', '=', 'in')
        .orderBy('created_at').executeTakeFirst();
      const summary = first ? unseal(first.body_sealed, ctx.sealing, messageBodyAt(first.id)) : '';
      const note = reminder > 0 ? `REMINDER ${reminder}/${ctx.limits.escalationReminders}, UNANSWERED tip` : 'UNANSWERED tip';
      await tx.updateTable('tips').set({ escalation_step: step, notified_at: now }).where('id', '=', tip.id).execute();
      const members = membersOf(directory, ctx.responders, route.notify[Math.min(step, last)]);
      await enqueue(tx, ctx.sealing, ...notificationsFor(members, current, 'escalate', notificationText(current, summary, note)));
      escalated += 1;
    });
  }
  return escalated;
}
