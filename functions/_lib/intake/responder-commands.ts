import type { Transaction } from 'kysely';
import { encrypt } from '../crypto.ts';
import type { Responder } from '../routing/directory.ts';
import type { Database } from '../store/schema.ts';
import { enqueue } from '../outbox/delivery.ts';

/**
 * What a responder can text the line: `ACK <ref>` takes a tip (and stops its escalation);
 * `#<ref> <message>` sends the message to the reporter, through the line, so neither sees the
 * other's number. Answers are for staff, in English; Twilio sends them to the responder's own
 * number, so whoever holds that phone learns of every action taken in its name.
 */
export async function handleResponderSms(
  tx: Transaction<Database>,
  line: { encryptionKey: Buffer; autoReply: boolean; responders: { byKey: Map<string, Responder> } },
  responder: Responder,
  body: string,
): Promise<string> {
  const ack = /^\s*ack\s+([a-z0-9]{4,8})\s*$/i.exec(body);
  const relay = /^\s*#([a-z0-9]{4,8})\s+([\s\S]+)$/i.exec(body);
  const ref = (ack?.[1] ?? relay?.[1])?.toUpperCase();
  if (!ref) return 'Reply ACK <ref> to take a tip, or #<ref> <message> to answer its reporter.';

  const tip = await tx.selectFrom('tips').innerJoin('conversations', 'conversations.id', 'tips.conversation_id')
    .select(['tips.id', 'tips.urgency', 'tips.claimed_by', 'conversations.id as conversation_id', 'conversations.opted_out'])
    .where('tips.ref', '=', ref).executeTakeFirst();
  if (!tip) return `No open tip ${ref}. It may have been deleted by the reporter or by the retention rule.`;

  // Two responders who take a tip at the same moment cannot both have it: the update claims it
  // only if nobody has, and PostgreSQL lets one of two such updates through.
  let holder = tip.claimed_by;
  if (!holder) {
    const won = await tx.updateTable('tips')
      .set({ claimed_by: responder.key, acknowledged_at: new Date(), status: 'acknowledged' })
      .where('id', '=', tip.id).where('claimed_by', 'is', null)
      .returning('claimed_by').executeTakeFirst();
    // Another responder took it between our read and our update: say who.
    holder = won?.claimed_by ?? (await tx.selectFrom('tips').select('claimed_by').where('id', '=', tip.id).executeTakeFirstOrThrow()).claimed_by;
  }
  if (holder !== responder.key) {
    return `Tip ${ref} is already taken by ${line.responders.byKey.get(holder!)?.name ?? 'another responder'}.`;
  }
  if (ack) return `Tip ${ref} is yours. Answer the reporter with #${ref} <message>.`;

  if (!line.autoReply) return `Not sent: this line sends reporters nothing (AUTO_REPLY=off), as a text could put them at risk.`;
  if (tip.opted_out) return `Not sent: the reporter of ${ref} has stopped messages (STOP).`;
  const message = relay![2].trim();
  await enqueue(tx, line.encryptionKey, {
    tipId: tip.id, purpose: 'to-reporter', recipient: { reporter: tip.conversation_id }, body: message, urgent: tip.urgency === 'urgent',
  });
  await tx.insertInto('messages').values({ conversation_id: tip.conversation_id, tip_id: tip.id, direction: 'out', provider_id_hash: null, body_sealed: encrypt(message, line.encryptionKey) }).execute();
  // The answer names the tip, not the words: Twilio keeps it until the responder's records are erased.
  return `Sent to the reporter of ${ref}.`;
}
