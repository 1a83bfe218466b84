import type { Transaction } from 'kysely';
import { decrypt, encrypt } from '../crypto.ts';
import type { Database } from '../store/schema.ts';
import { enqueue } from '../outbox/delivery.ts';

/**
 * What a responder can text the line: `ACK <ref>` takes a tip (and stops its escalation);
 * `#<ref> <message>` sends the message to the reporter, through the line, so neither sees the
 * other's number. Answers are for staff, in English.
 */
export async function handleResponderSms(
  tx: Transaction<Database>,
  line: { encryptionKey: Buffer; autoReply: boolean },
  responder: { name: string; phone: string },
  body: string,
): Promise<string> {
  const key = line.encryptionKey;
  const ack = /^\s*ack\s+([a-z0-9]{4,8})\s*$/i.exec(body);
  const relay = /^\s*#([a-z0-9]{4,8})\s+([\s\S]+)$/i.exec(body);
  const ref = (ack?.[1] ?? relay?.[1])?.toUpperCase();
  if (!ref) return 'Reply ACK <ref> to take a tip, or #<ref> <message> to answer its reporter.';

  const tip = await tx.selectFrom('tips').innerJoin('conversations', 'conversations.id', 'tips.conversation_id')
    .select(['tips.id', 'tips.claimed_by_phone', 'tips.claimed_by_name', 'conversations.id as conversation_id', 'conversations.reporter_number_sealed', 'conversations.opted_out'])
    .where('tips.ref', '=', ref).executeTakeFirst();
  if (!tip) return `No open tip ${ref}. It may have been deleted by the reporter or by the retention rule.`;

  if (tip.claimed_by_phone && tip.claimed_by_phone !== responder.phone) {
    return `Tip ${ref} is already taken by ${tip.claimed_by_name}.`;
  }
  if (!tip.claimed_by_phone) {
    await tx.updateTable('tips')
      .set({ claimed_by_name: responder.name, claimed_by_phone: responder.phone, acknowledged_at: new Date(), status: 'acknowledged' })
      .where('id', '=', tip.id).execute();
  }
  if (ack) return `Tip ${ref} is yours. Answer the reporter with #${ref} <message>.`;

  if (!line.autoReply) return `Not sent: this line sends reporters nothing (AUTO_REPLY=off), as a text could put them at risk.`;
  if (tip.opted_out) return `Not sent: the reporter of ${ref} has stopped messages (STOP).`;
  const message = relay![2].trim();
  await enqueue(tx, key, { tipId: tip.id, purpose: 'to-reporter', to: decrypt(tip.reporter_number_sealed, key), body: message });
  await tx.insertInto('messages').values({ conversation_id: tip.conversation_id, tip_id: tip.id, direction: 'out', twilio_sid: null, body_sealed: encrypt(message, key) }).execute();
  return `Sent to the reporter of ${ref}.`;
}
