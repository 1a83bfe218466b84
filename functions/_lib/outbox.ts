import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import twilio from 'twilio';
import { decrypt, encrypt } from './crypto.ts';
import type { Database, Db } from './db.ts';

export type Purpose = Database['outbox']['purpose'];

export interface Sender {
  /** Sends one SMS; throws when the provider does not take it. */
  send(message: { to: string; body: string }): Promise<{ sid: string; transport: string }>;
}

/** Real SMS through the `twilio` client (the API base URL can point at a fake API in tests). */
export function twilioSender(options: { accountSid: string; authToken: string; from: string; apiBaseUrl?: string }): Sender {
  const client = twilio(options.accountSid, options.authToken, { autoRetry: false });
  if (options.apiBaseUrl) client.api.baseUrl = options.apiBaseUrl;
  return {
    async send({ to, body }) {
      const message = await client.messages.create({ to, from: options.from, body });
      return { sid: message.sid, transport: 'twilio' };
    },
  };
}

/**
 * Local mode with no Twilio account: nothing leaves the machine. The outbox row, marked sent with
 * transport "log", is the record of what would have been sent (npm run sms prints it).
 */
export const logSender: Sender = {
  async send() {
    return { sid: `LOG${Date.now().toString(36)}`, transport: 'log' };
  },
};

export interface OutgoingSms {
  tipId: string | null;
  purpose: Purpose;
  to: string;
  body: string;
}

/** Queues messages (in one statement) in the caller's transaction: sent only if the tip is stored. */
export async function enqueue(tx: Transaction<Database> | Db, key: Buffer, ...messages: OutgoingSms[]): Promise<void> {
  if (!messages.length) return;
  await tx
    .insertInto('outbox')
    .values(messages.map((m) => ({ tip_id: m.tipId, purpose: m.purpose, recipient_sealed: encrypt(m.to, key), body_sealed: encrypt(m.body, key) })))
    .execute();
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
 * Sends what is due. Each row is leased first (its next try moved 2 minutes ahead), so two
 * workers never send the same message; a failure is retried with backoff, never dropped.
 */
export async function drainOutbox(db: Db, key: Buffer, sender: Sender, limit = 50): Promise<{ sent: number; failed: number }> {
  const due = await db
    .updateTable('outbox')
    .set({ next_attempt_at: sql`now() + interval '2 minutes'`, attempts: sql`attempts + 1` })
    .where('id', 'in', (q) =>
      q.selectFrom('outbox').select('id').where('sent_at', 'is', null).where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked(),
    )
    .returning(['id', 'recipient_sealed', 'body_sealed', 'attempts'])
    .execute();
  const sent: { id: string; sid: string; transport: string }[] = [];
  let failed = 0;
  for (const row of due) {
    try {
      const result = await sender.send({ to: decrypt(row.recipient_sealed, key), body: decrypt(row.body_sealed, key) });
      sent.push({ id: row.id, sid: result.sid, transport: result.transport });
    } catch (error) {
      await db
        .updateTable('outbox')
        .set({
          next_attempt_at: new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
          last_error: withoutNumbers(error instanceof Error ? error.message : String(error)),
        })
        .where('id', '=', row.id)
        .execute();
      failed += 1;
    }
  }
  // One statement marks the whole batch sent: the store is shared with incoming tips.
  if (sent.length) {
    await sql`
      update outbox set sent_at = now(), transport = done.transport, provider_sid = done.sid, last_error = null
      from (select unnest(${sent.map((s) => s.id)}::uuid[]) as id, unnest(${sent.map((s) => s.sid)}::text[]) as sid,
                   unnest(${sent.map((s) => s.transport)}::text[]) as transport) as done
      where outbox.id = done.id`.execute(db);
  }
  return { sent: sent.length, failed };
}

/**
 * Sends everything due, batch after batch, so a burst of tips does not wait for the next run.
 * Stops at a failure: the rest waits for its retry time.
 */
export async function drainAll(db: Db, key: Buffer, sender: Sender, batchSize = 100): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (let round = 0; round < 50; round++) {
    const batch = await drainOutbox(db, key, sender, batchSize);
    total.sent += batch.sent;
    total.failed += batch.failed;
    if (batch.sent + batch.failed < batchSize || batch.failed > 0) break;
    // The embedded store runs each query to its end on this thread: give incoming webhooks a turn
    // between batches, or a long backlog would hold every reporter's answer until it is sent.
    await nextTurn();
  }
  return total;
}

/**
 * Sends queued messages in the background as soon as they are queued, so responders hear of a tip
 * in seconds rather than at the next scheduled run. One run at a time; a kick during a run makes
 * one more run after it. A failure leaves the messages queued for their retry: nothing is lost.
 */
export function outboxPump(db: Db, key: Buffer, sender: Sender): { kick: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await drainAll(db, key, sender);
      } catch (error) {
        console.error(`Sending queued messages failed: ${(error as Error).name}`);
        return;
      }
    } while (again);
  }
  return {
    kick() {
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => (running = undefined));
    },
    idle: async () => running,
  };
}
