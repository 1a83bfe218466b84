import type { Db } from '../store/schema.ts';
import type { Directory } from '../routing/directory.ts';
import { drainAll } from '../outbox/delivery.ts';
import type { Sender } from '../outbox/senders.ts';
import { escalateOverdue } from './escalation.ts';
import { purgeExpired } from './retention.ts';

export interface JobContext {
  db: Db;
  encryptionKey: Buffer;
  directory: Directory;
  sender: Sender;
  config: { retentionDays: number };
}

/**
 * Everything periodic, once: the local server calls it on a timer, Netlify on a schedule. Retention
 * is counted in days: a caller that runs every few seconds can leave it out of most runs.
 */
export async function runJobs(ctx: JobContext, now = new Date(), options: { retention?: boolean } = {}) {
  const outbox = await drainAll(ctx.db, ctx.encryptionKey, ctx.sender);
  const escalated = await escalateOverdue(ctx.db, ctx.encryptionKey, ctx.directory, now);
  const purged = options.retention === false ? 0 : await purgeExpired(ctx.db, ctx.config.retentionDays, now);
  return { ...outbox, escalated, purged };
}
