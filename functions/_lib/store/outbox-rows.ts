import { sql } from 'kysely';
import { encrypt } from '../crypto.ts';
import type { Purpose } from './schema.ts';

/** An SMS to send, before it is sealed into the outbox. */
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
