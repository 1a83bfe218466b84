import { providerIdHash, pseudonymFor, receiptPseudonym, withheldCallerPseudonym } from '../crypto.ts';
import { firstDeliveries, loadReporters, saveWrites } from '../store/inbound-batch.ts';
import type { Erasure, LeasedSms } from '../store/outbox-rows.ts';
import { replyNumberOf, type InboundMessage, type IntakeContext, type IntakeResult } from './message.ts';
import { planReporterMessages, type ReporterMessage } from './planner.ts';

export interface BatchOutcome {
  results: IntakeResult[];
  /** What the batch queued for sending, leased to the caller (with `leaseQueued`). */
  leased: LeasedSms[];
}

/**
 * Takes in a batch of reporters' messages in one transaction: records each once (Twilio retries,
 * and a captured request may be replayed), threads them into their conversations by pseudonym,
 * and says what to answer each, in its sender's language. (A responder's text is taken in on its
 * own: intake/responder-commands.ts.) Phone numbers and texts are kept only sealed, and each SMS is queued for erasure at
 * Twilio, which keeps it otherwise. Nothing is stored unless all of it is (the caller writes a
 * failed batch again, one by one). With `leaseQueued`, what it queues for responders comes back
 * leased, for the caller to send.
 */
/**
 * Who a reporter is to the store: the pseudonym of their number; a web reporter's, of their
 * receipt's lookup id; a caller who withheld their number's, of the call.
 */
export function reporterPseudonym(message: Pick<InboundMessage, 'channel' | 'from'>, key: Buffer): string {
  if (message.channel === 'web') return receiptPseudonym(message.from, key);
  const number = replyNumberOf(message);
  return number ? pseudonymFor(number, key) : withheldCallerPseudonym(message.from, key);
}

export async function receiveBatch(
  ctx: IntakeContext,
  batch: InboundMessage[],
  options: { leaseQueued?: boolean } = {},
): Promise<BatchOutcome> {
  return ctx.db.transaction().execute(async (tx) => {
    const results: IntakeResult[] = batch.map(() => ({ reply: null, outcome: 'duplicate' }));
    const idHashes = batch.map((m) => providerIdHash(m.id, ctx.pseudonymKey));
    const reporters: (ReporterMessage & { index: number })[] = [];
    const erasures: Erasure[] = [];
    for (const index of await firstDeliveries(tx, idHashes)) {
      const message = batch[index];
      if (message.channel === 'sms') erasures.push({ purpose: 'erase-message', target: message.id });
      reporters.push({ index, message, pseudonym: reporterPseudonym(message, ctx.pseudonymKey), idHash: idHashes[index] });
    }
    if (!reporters.length) return { results, leased: [] };
    const { reporters: known, sentThisHour } = await loadReporters(tx, reporters.map((r) => r.pseudonym));
    const planned = planReporterMessages(ctx, reporters, known, new Date(), sentThisHour);
    planned.writes.erasures.push(...erasures);
    const leased = await saveWrites(tx, ctx.sealing, planned.writes, { ...options, coalesceMs: ctx.limits.coalesceMs, eraseDelayMs: ctx.eraseDelayMs });
    reporters.forEach((r, i) => (results[r.index] = planned.results[i]));
    return { results, leased };
  });
}
