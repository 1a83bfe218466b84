import type { CountryHotlines } from '../../src/schemas/hotline.ts';
import { pseudonymFor } from './crypto.ts';
import type { Db } from './db.ts';
import { responderByPhone, type Directory } from './directory.ts';
import { firstDeliveries, loadReporters, saveWrites } from './intake-store.ts';
import type { TextsByLocale } from './replies.ts';
import { planReporterMessages, type ReporterSms } from './reporter-messages.ts';
import { handleResponderSms } from './responders.ts';
import type { LeasedSms } from './outbox.ts';

export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  fromCountry?: string;
}

export interface IntakeContext {
  db: Db;
  texts: TextsByLocale;
  hotlines: Map<string, CountryHotlines>;
  encryptionKey: Buffer;
  pseudonymKey: Buffer;
  autoReply: boolean;
  lineCountry?: string;
  directory: Directory;
}

/** The answer to send back, if any, and what happened (for tests and the simulator; no personal data). */
export interface IntakeResult {
  reply: string | null;
  outcome: 'duplicate' | 'report' | 'stop' | 'start' | 'help' | 'delete' | 'language' | 'responder';
  tipRef?: string;
}

/**
 * Takes in a batch of SMS in one transaction: records each once (Twilio retries), lets responders
 * take and answer tips, threads reporters' messages into their conversations by pseudonym, and
 * says what to answer each, in its sender's language. Phone numbers and texts are kept only sealed.
 * Nothing is stored unless all of it is (the caller writes a failed batch again, one by one).
 * With `leaseQueued`, what it queues for responders comes back leased, for the caller to send.
 */
export async function receiveSmsBatch(
  ctx: IntakeContext,
  batch: InboundSms[],
  options: { leaseQueued?: boolean } = {},
): Promise<{ results: IntakeResult[]; leased: LeasedSms[] }> {
  return ctx.db.transaction().execute(async (tx) => {
    const results: IntakeResult[] = batch.map(() => ({ reply: null, outcome: 'duplicate' }));
    const reporters: (ReporterSms & { index: number })[] = [];
    for (const index of await firstDeliveries(tx, batch)) {
      const sms = batch[index];
      // Only numbers in the responder directory are responders; everyone else is a reporter.
      // Responders go first, so a reporter in the same batch sees the tip as its responder left it.
      const responder = responderByPhone(ctx.directory, sms.from);
      if (responder) results[index] = { reply: await handleResponderSms(tx, ctx.encryptionKey, responder, sms.body), outcome: 'responder' };
      else reporters.push({ index, sms, pseudonym: pseudonymFor(sms.from, ctx.pseudonymKey) });
    }
    if (!reporters.length) return { results, leased: [] };
    const known = await loadReporters(tx, reporters.map((r) => r.pseudonym));
    const planned = planReporterMessages(ctx, reporters, known);
    const leased = await saveWrites(tx, ctx.encryptionKey, planned.writes, options);
    reporters.forEach((r, i) => (results[r.index] = planned.results[i]));
    return { results, leased };
  });
}
