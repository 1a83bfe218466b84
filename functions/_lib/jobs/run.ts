import type { Limits } from '../config.ts';
import { drainAll, type OutboxContext } from '../outbox/delivery.ts';
import type { Directory } from '../routing/directory.ts';
import { escalateOverdue } from './escalation.ts';
import { alertIfOverLimit } from './hourly-limit.ts';
import { purgeExpired, type RetentionContext } from './retention.ts';

export interface JobContext extends OutboxContext, RetentionContext {
  directory: Directory;
  limits: Limits;
}

/**
 * Everything periodic, once: the local server calls it on a timer, Netlify on a schedule. Retention
 * is counted in days: a caller that runs every few seconds can leave it out of most runs.
 */
export async function runJobs(ctx: JobContext, now = new Date(), options: { retention?: boolean } = {}) {
  const escalated = await escalateOverdue(ctx, now);
  await alertIfOverLimit(ctx);
  const outbox = await drainAll(ctx);
  const purged = options.retention === false ? 0 : await purgeExpired(ctx, now);
  return { ...outbox, escalated, purged };
}
