import { sql } from 'kysely';
import type { Limits } from '../config.ts';
import { alertGroup } from '../routing/directory.ts';
import { enqueue } from '../outbox/delivery.ts';
import { alertsFor, membersOf } from '../routing/notifications.ts';
import type { EscalationContext } from './escalation.ts';

/**
 * Tells staff, once an hour at most, that the hourly SMS limit is reached: until the hour ends only
 * urgent tips' notifications go out and reporters get no automatic replies, so a flood is costing
 * the line and may be hiding real reports.
 */
export async function alertIfOverLimit(ctx: EscalationContext & { limits: Pick<Limits, 'smsPerHour'> }): Promise<boolean> {
  const crossed = await ctx.db.updateTable('sms_usage').set({ alerted: true })
    .where('hour', '=', sql<Date>`date_trunc('hour', now())`).where('sent', '>=', ctx.limits.smsPerHour).where('alerted', '=', false)
    .returning('hour').executeTakeFirst();
  if (!crossed) return false;
  const staff = membersOf(ctx.directory, ctx.responders, alertGroup(ctx.directory).id);
  await enqueue(ctx.db, ctx.sealing, ...alertsFor(staff,
    `Tip line: ${ctx.limits.smsPerHour} SMS sent this hour, the limit (SMS_HOURLY_LIMIT). Until the hour ends only urgent tips' notifications go out and reporters get no automatic replies. Check for a flood in the Twilio console.`));
  return true;
}
