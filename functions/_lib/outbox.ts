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

/** An outgoing SMS as the outbox keeps it: recipient and text sealed. */
export function outboxRow(message: OutgoingSms, key: Buffer) {
  return { tip_id: message.tipId, purpose: message.purpose, recipient_sealed: encrypt(message.to, key), body_sealed: encrypt(message.body, key) };
}

/** Queues messages (in one statement) in the caller's transaction: sent only if the tip is stored. */
export async function enqueue(tx: Transaction<Database> | Db, key: Buffer, ...messages: OutgoingSms[]): Promise<void> {
  if (!messages.length) return;
  await tx.insertInto('outbox').values(messages.map((m) => outboxRow(m, key))).execute();
}

/** Seconds to wait before the next try: 5 s, 10 s, 20 s … at most 10 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 600);
}

/** Provider errors can quote the number they refused: keep digits out of what is stored. */
function withoutNumbers(message: string): string {
  return message.replace(/\+?\d[\d\s-]{5,}\d/g, '[number]').slice(0, 300);
}

/** A message taken for sending: nobody else sends it until the lease runs out. */
export interface LeasedSms {
  id: string;
  to: string;
  body: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/** How long a message taken for sending is left to its sender before anyone else may try it. */
export const LEASE = sql`interval '2 minutes'`;

/**
 * Sends messages already leased, then records the outcome: those sent in one statement (the store
 * is shared with incoming tips), each failure with its next try after a backoff, never dropped.
 */
export async function deliver(db: Db, sender: Sender, leased: LeasedSms[]): Promise<{ sent: number; failed: number }> {
  const sent: { id: string; sid: string; transport: string }[] = [];
  let failed = 0;
  for (const message of leased) {
    try {
      const result = await sender.send({ to: message.to, body: message.body });
      sent.push({ id: message.id, sid: result.sid, transport: result.transport });
    } catch (error) {
      await db
        .updateTable('outbox')
        .set({
          next_attempt_at: new Date(Date.now() + backoffSeconds(message.attempts) * 1000),
          last_error: withoutNumbers(error instanceof Error ? error.message : String(error)),
        })
        .where('id', '=', message.id)
        .execute();
      failed += 1;
    }
  }
  if (sent.length) {
    await sql`
      update outbox set sent_at = now(), transport = done.transport, provider_sid = done.sid, last_error = null
      from unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.sid)}::text[], ${sent.map((s) => s.transport)}::text[])
           as done (id, sid, transport)
      where outbox.id = done.id`.execute(db);
  }
  return { sent: sent.length, failed };
}

/**
 * Sends what is due. Each row is leased first (its next try moved ahead by LEASE), so two workers
 * never send the same message; a failure is retried with backoff, never dropped.
 */
export async function drainOutbox(db: Db, key: Buffer, sender: Sender, limit = 50): Promise<{ sent: number; failed: number }> {
  const due = await db
    .updateTable('outbox')
    .set({ next_attempt_at: sql`now() + ${LEASE}`, attempts: sql`attempts + 1` })
    .where('id', 'in', (q) =>
      q.selectFrom('outbox').select('id').where('sent_at', 'is', null).where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked(),
    )
    .returning(['id', 'recipient_sealed', 'body_sealed', 'attempts'])
    .execute();
  return deliver(db, sender, due.map((row) => ({ id: row.id, to: decrypt(row.recipient_sealed, key), body: decrypt(row.body_sealed, key), attempts: row.attempts })));
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
  }
  return total;
}

/**
 * Sends in the background, as soon as they are queued, so responders hear of a tip in seconds
 * rather than at the next scheduled run. `send` takes messages leased when they were queued (no
 * second trip to the store); `kick` sends whatever else is due. One run at a time: what arrives
 * during a run goes out in the next. A failure leaves messages queued for their retry.
 */
export function outboxPump(db: Db, key: Buffer, sender: Sender) {
  let running: Promise<void> | undefined;
  let leased: LeasedSms[] = [];
  let kicked = false;
  async function run(): Promise<void> {
    while (leased.length || kicked) {
      const batch = leased;
      leased = [];
      const drain = kicked;
      kicked = false;
      try {
        if (batch.length) await deliver(db, sender, batch);
        if (drain) await drainAll(db, key, sender);
      } catch (error) {
        // What was not marked sent stays queued, and is sent when its lease runs out.
        console.error(`Sending queued messages failed: ${(error as Error).name}`);
      }
    }
  }
  function start(): void {
    if (running) return;
    running = run().finally(() => {
      running = undefined;
      if (leased.length || kicked) start();
    });
  }
  return {
    send(messages: LeasedSms[]): void {
      if (!messages.length) return;
      leased.push(...messages);
      start();
    },
    kick(): void {
      kicked = true;
      start();
    },
  };
}
