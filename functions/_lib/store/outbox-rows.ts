import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { seal, type Keyring } from '../crypto.ts';
import { outboxBodyAt } from './sealed.ts';
import type { Purpose } from './schema.ts';

/**
 * Who an SMS is for, by reference: a responder by the key the store names them by, a reporter by
 * their conversation. The outbox copies no number: it is looked up when the SMS is sent, so a
 * conversation erased or a responder removed meanwhile gets nothing.
 */
export type Recipient = { responder: string } | { reporter: string };

/** An SMS to send, before it is sealed into the outbox. */
export interface OutgoingSms {
  tipId: string | null;
  purpose: Purpose;
  recipient: Recipient;
  /** The recipient's number, when the one queueing knows it: to send at once. Never stored. */
  phone?: string;
  /** The text; none for an update, which is written when sent (how many new messages, the latest). */
  body: string | null;
  /** About an urgent tip, or the line's own alert: sent first, and even past the hourly limit. */
  urgent: boolean;
  /**
   * Messages with the same key that wait together become one SMS: new messages on one tip for one
   * responder. `count` is how many this one stands for.
   */
  coalesce?: { key: string; count: number };
}

/** An outgoing SMS as the outbox keeps it (a new row): a recipient by reference, the text sealed to the row. */
export function outboxRow(message: OutgoingSms, sealing: Keyring) {
  const id = randomUUID();
  return {
    id,
    tip_id: message.tipId,
    purpose: message.purpose,
    responder_key: 'responder' in message.recipient ? message.recipient.responder : null,
    conversation_id: 'reporter' in message.recipient ? message.recipient.reporter : null,
    body_sealed: message.body === null ? null : seal(message.body, sealing, outboxBodyAt(id)),
    priority: message.urgent ? URGENT : NORMAL,
    coalesce_key: message.coalesce?.key ?? null,
    messages: message.coalesce?.count ?? 1,
  };
}

/**
 * A record to erase at Twilio, queued like an SMS and tried again like one until Twilio confirms:
 * one message (its id), every message to and from a reporter's number (a conversation erased),
 * one call's record (its id), or one voice message's audio (its RecordingSid).
 */
export interface Erasure {
  purpose: Extract<Purpose, 'erase-message' | 'erase-conversation' | 'erase-call' | 'erase-recording'>;
  target: string;
}

/** An erasure as the outbox keeps it (a new row): what to erase, sealed to the row. */
export function erasureRow(erasure: Erasure, sealing: Keyring) {
  const id = randomUUID();
  return {
    id, tip_id: null, purpose: erasure.purpose, responder_key: null, conversation_id: null, body_sealed: seal(erasure.target, sealing, outboxBodyAt(id)),
    priority: NORMAL, coalesce_key: null, messages: 1,
  };
}

/** Outbox priorities: urgent tips' messages and the line's alerts go first. */
export const URGENT = 0;
export const NORMAL = 1;

/** A message taken for sending: nobody else sends it until the lease runs out. */
export interface LeasedSms {
  id: string;
  to: string;
  body: string;
  urgent: boolean;
  /** Tries so far, this one included. */
  attempts: number;
}

/** How long a message taken for sending is left to its sender before anyone else may try it. */
export const LEASE = sql`interval '2 minutes'`;
