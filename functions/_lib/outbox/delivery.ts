import { sql, type Transaction } from 'kysely';
import { unseal, type Keyring } from '../crypto.ts';
import type { Responders } from '../routing/directory.ts';
import { updateText } from '../routing/notifications.ts';
import { messageBodyAt, outboxBodyAt, reporterNumberAt } from '../store/sealed.ts';
import type { Database, Db } from '../store/schema.ts';
import { LEASE, outboxRow, URGENT, type LeasedSms, type OutgoingSms } from '../store/outbox-rows.ts';
import type { Erasure, Sender } from './senders.ts';

/** What sending needs: the store, the key, a transport, the directory to find responders by, the hourly limit. */
export interface OutboxContext {
  db: Db;
  sealing: Keyring;
  sender: Sender;
  responders: Responders;
  limits: { smsPerHour: number };
  /** AUTO_REPLY: when off, nothing is ever sent to a reporter. */
  autoReply: boolean;
}

/** Queues messages (in one statement) in the caller's transaction: sent only if the tip is stored. */
export async function enqueue(tx: Transaction<Database> | Db, sealing: Keyring, ...messages: OutgoingSms[]): Promise<void> {
  if (!messages.length) return;
  await tx.insertInto('outbox').values(messages.map((m) => outboxRow(m, sealing))).execute();
}

/** Seconds to wait before the next try: 5 s, 10 s, 20 s … at most 10 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 600);
}

/** Provider errors can quote the number they refused: keep digits out of what is stored. */
function withoutNumbers(message: string): string {
  return message.replace(/\+?\d[\d\s-]{5,}\d/g, '[number]').slice(0, 300);
}

/**
 * Takes this hour's quota for a batch: urgent messages always go, the others only while the hour's
 * count (replies included) is under the limit. Returns the messages that may go now; the hour
 * counts them before they are sent, so two senders never both take the last places.
 */
async function takeQuota(ctx: OutboxContext, batch: LeasedSms[]): Promise<LeasedSms[]> {
  if (!batch.length) return batch;
  const urgent = batch.filter((m) => m.urgent);
  const normal = batch.filter((m) => !m.urgent);
  const { rows } = await sql<{ hour: Date; sent: number }>`
    insert into sms_usage (hour, sent) values (date_trunc('hour', now()), ${batch.length})
    on conflict (hour) do update set sent = sms_usage.sent + excluded.sent
    returning hour, sent`.execute(ctx.db);
  const before = rows[0].sent - batch.length;
  const granted = Math.max(0, Math.min(normal.length, ctx.limits.smsPerHour - before - urgent.length));
  if (granted === normal.length) return batch;
  const waiting = normal.slice(granted);
  // Past the limit: the others wait for the next hour, and do not count as tries.
  await sql`update sms_usage set sent = sent - ${waiting.length} where hour = ${rows[0].hour}`.execute(ctx.db);
  await ctx.db.updateTable('outbox')
    .set({ next_attempt_at: sql`date_trunc('hour', now()) + interval '1 hour'`, attempts: sql`attempts - 1` })
    .where('id', 'in', waiting.map((m) => m.id)).execute();
  const going = new Set([...urgent, ...normal.slice(0, granted)]);
  return batch.filter((m) => going.has(m));
}

/** An erasure at Twilio taken from the outbox: nobody else tries it until the lease runs out. */
export interface LeasedErasure {
  id: string;
  erase: Erasure;
  attempts: number;
}

export type Leased = LeasedSms | LeasedErasure;
const isErasure = (job: Leased): job is LeasedErasure => 'erase' in job;

/** Puts a job back for a later try, after a backoff, with what went wrong (no numbers). */
async function retryLater(ctx: OutboxContext, job: Leased, error: unknown): Promise<void> {
  await ctx.db.updateTable('outbox')
    .set({
      next_attempt_at: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
      last_error: withoutNumbers(error instanceof Error ? error.message : String(error)),
    })
    .where('id', '=', job.id)
    .execute();
}

/**
 * Checks, just before sending, that each message may still go: a conversation erased since it was
 * queued took its messages with it, and nothing goes to a reporter who sent STOP, on a silent
 * line, or to a revoked responder. Those that may not go are closed, unsent.
 */
async function stillToSend(ctx: OutboxContext, messages: LeasedSms[]): Promise<LeasedSms[]> {
  if (!messages.length) return [];
  const { rows } = await sql<{ id: string; allowed: boolean }>`
    select o.id,
           (o.conversation_id is null or (${ctx.autoReply} and c.opted_out = false)) and r.revoked_at is null as allowed
    from outbox o
    left join conversations c on c.id = o.conversation_id
    left join responders r on r.key = o.responder_key
    where o.id = any(${messages.map((m) => m.id)}::uuid[]) and o.sent_at is null`.execute(ctx.db);
  const refused = rows.filter((r) => !r.allowed).map((r) => r.id);
  if (refused.length) {
    await ctx.db.updateTable('outbox')
      .set({ sent_at: new Date(), transport: 'none', last_error: 'not sent: the reporter stopped messages, the line is silent, or the responder was revoked' })
      .where('id', 'in', refused).execute();
  }
  const allowed = new Set(rows.filter((r) => r.allowed).map((r) => r.id));
  return messages.filter((m) => allowed.has(m.id));
}

/**
 * Does the jobs already leased. Erasures at Twilio first (a done one leaves no row behind), then
 * SMS, urgent first, re-checked and within the hourly limit; those sent are recorded in one
 * statement (the store is shared with incoming tips). Each failure is tried again after a backoff,
 * never dropped.
 */
export async function deliver(ctx: OutboxContext, leased: Leased[]): Promise<{ sent: number; failed: number; erased: number }> {
  let failed = 0;
  const erased: string[] = [];
  for (const job of leased.filter(isErasure)) {
    try {
      await ctx.sender.erase(job.erase);
      erased.push(job.id);
    } catch (error) {
      await retryLater(ctx, job, error);
      failed += 1;
    }
  }
  if (erased.length) await ctx.db.deleteFrom('outbox').where('id', 'in', erased).execute();

  const messages = leased.filter((job): job is LeasedSms => !isErasure(job));
  const ordered = [...messages.filter((m) => m.urgent), ...messages.filter((m) => !m.urgent)];
  const sent: { id: string; sid: string; transport: string }[] = [];
  for (const message of await takeQuota(ctx, await stillToSend(ctx, ordered))) {
    try {
      const result = await ctx.sender.send({ to: message.to, body: message.body });
      sent.push({ id: message.id, sid: result.sid, transport: result.transport });
    } catch (error) {
      await retryLater(ctx, message, error);
      failed += 1;
    }
  }
  if (sent.length) {
    await sql`
      update outbox set sent_at = now(), transport = done.transport, provider_sid = done.sid, last_error = null
      from unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.sid)}::text[], ${sent.map((s) => s.transport)}::text[])
           as done (id, sid, transport)
      where outbox.id = done.id`.execute(ctx.db);
  }
  return { sent: sent.length, failed, erased: erased.length };
}

/** A queued message as it will be sent: to a number, with its text. */
export interface QueuedSms extends LeasedSms {
  purpose: Database['outbox']['purpose'];
  /** The responder's name, or "the reporter". */
  recipientName: string;
}

/**
 * Reads queued jobs as they will be done: an SMS's recipient looked up by reference (a reporter's
 * conversation, a responder in the directory) and an update's text written now, from the tip and
 * its latest message; an erasure's target unsealed. A message whose responder has left the
 * directory is dropped.
 */
/** What an erasure row asks Twilio to erase. */
function erasureOf(purpose: QueuedSms['purpose'], target: string): Erasure {
  switch (purpose) {
    case 'erase-message': return { message: target };
    case 'erase-conversation': return { conversationWith: target };
    case 'erase-call': return { call: target };
    default: return { recording: target };
  }
}

export async function readQueued(ctx: OutboxContext, ids: string[]): Promise<(QueuedSms | LeasedErasure)[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{
    id: string; purpose: QueuedSms['purpose']; priority: number; responder_key: string | null; body_sealed: string | null;
    messages: number; attempts: number; conversation_id: string | null; reporter_number_sealed: string | null; ref: string;
    urgency: string; country: string | null; locale: string; categories: string; latest_id: string | null; latest_sealed: string | null;
  }>`
    select o.id, o.purpose, o.priority, o.responder_key, o.body_sealed, o.messages, o.attempts, c.id as conversation_id,
           c.reporter_number_sealed, t.ref, t.urgency, t.country, t.locale, t.categories,
           latest.id as latest_id, latest.body_sealed as latest_sealed
    from outbox o
    left join conversations c on c.id = o.conversation_id
    left join tips t on t.id = o.tip_id and o.purpose = 'update'
    left join lateral (
      select m.id, m.body_sealed from messages m
      where o.purpose = 'update' and m.tip_id = o.tip_id and m.direction = 'in'
      order by m.created_at desc limit 1
    ) latest on true
    where o.id = any(${ids}::uuid[])
    order by o.priority, o.seq`.execute(ctx.db);
  const keys = ctx.sealing;
  const body = (id: string, sealed: string) => unseal(sealed, keys, outboxBodyAt(id));
  const queued: (QueuedSms | LeasedErasure)[] = [];
  const gone: string[] = [];
  for (const row of rows) {
    if (row.purpose.startsWith('erase-')) {
      queued.push({ id: row.id, attempts: row.attempts, erase: erasureOf(row.purpose, body(row.id, row.body_sealed!)) });
      continue;
    }
    const responder = row.responder_key ? ctx.responders.byKey.get(row.responder_key) : undefined;
    const to = row.reporter_number_sealed
      ? unseal(row.reporter_number_sealed, keys, reporterNumberAt(row.conversation_id!))
      : responder?.phone;
    if (!to) {
      gone.push(row.id);
      continue;
    }
    const latest = row.latest_sealed ? unseal(row.latest_sealed, keys, messageBodyAt(row.latest_id!)) : '';
    const text = row.purpose === 'update' ? updateText({ ...row, id: '' }, row.messages, latest) : body(row.id, row.body_sealed!);
    queued.push({
      id: row.id, to, body: text, urgent: row.priority === URGENT, attempts: row.attempts, purpose: row.purpose,
      recipientName: responder?.name ?? 'the reporter',
    });
  }
  if (gone.length) {
    await ctx.db.updateTable('outbox').set({ sent_at: new Date(), transport: 'none', last_error: 'the recipient is no longer in the responder directory' })
      .where('id', 'in', gone).execute();
  }
  return queued;
}

/**
 * Sends what is due, urgent first. Each row is leased first (its next try moved ahead by LEASE),
 * so two workers never send the same message, and taken out of any group it was gathering in
 * (what arrives next starts a new one); a failure is retried with backoff, never dropped.
 */
export async function drainOutbox(ctx: OutboxContext, limit = 50): Promise<{ sent: number; failed: number; erased: number }> {
  const leased = await ctx.db.updateTable('outbox')
    .set({ next_attempt_at: sql`now() + ${LEASE}`, attempts: sql`attempts + 1`, coalesce_key: null })
    .where('id', 'in', (q) =>
      q.selectFrom('outbox').select('id').where('sent_at', 'is', null).where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('priority').orderBy('next_attempt_at').orderBy('seq').limit(limit).forUpdate().skipLocked(),
    )
    .returning('id')
    .execute();
  return deliver(ctx, await readQueued(ctx, leased.map((row) => row.id)));
}

/**
 * Sends everything due, batch after batch, so a burst of tips does not wait for the next run.
 * Stops at a failure: the rest waits for its retry time.
 */
export async function drainAll(ctx: OutboxContext, batchSize = 100): Promise<{ sent: number; failed: number; erased: number }> {
  const total = { sent: 0, failed: 0, erased: 0 };
  for (let round = 0; round < 50; round++) {
    const batch = await drainOutbox(ctx, batchSize);
    total.sent += batch.sent;
    total.failed += batch.failed;
    total.erased += batch.erased;
    if (batch.sent + batch.failed + batch.erased < batchSize || batch.failed > 0) break;
  }
  return total;
}
