import type { Generated, Kysely } from 'kysely';
import type { Keyring } from '../crypto.ts';

/**
 * The tip store's tables, as Kysely sees them. Phone numbers and texts are only ever stored sealed
 * (see crypto.ts); the migrations in migrations/ make these tables.
 */
export interface Database {
  conversations: {
    id: Generated<string>;
    reporter_pseudonym: string;
    /** The reporter's number, sealed; a web reporter has none. */
    reporter_number_sealed: string | null;
    locale: string;
    country: string | null;
    opted_out: Generated<boolean>;
    created_at: Generated<Date>;
    last_message_at: Generated<Date>;
    /** When the reporter sent a first DELETE, which another DELETE soon after confirms. */
    delete_requested_at: Date | null;
    /** The last automatic reply, and the last "we have your messages": replies are paced. */
    last_reply_at: Date | null;
    last_follow_up_at: Date | null;
  };
  tips: {
    id: Generated<string>;
    ref: string;
    conversation_id: string;
    channel: 'sms' | 'voice' | 'web';
    locale: string;
    country: string | null;
    /** new, acknowledged, or unanswered (nobody took it after the chain and its reminders). */
    status: Generated<'new' | 'acknowledged' | 'unanswered'>;
    created_at: Generated<Date>;
    urgency: Generated<'urgent' | 'normal'>;
    categories: Generated<string>;
    route_index: Generated<number>;
    escalation_step: Generated<number>;
    notified_at: Generated<Date>;
    /** The responder who took the tip, by key (routing/directory.ts). */
    claimed_by: string | null;
    acknowledged_at: Date | null;
  };
  messages: {
    id: Generated<string>;
    conversation_id: string;
    tip_id: string | null;
    direction: 'in' | 'out';
    /** A keyed hash of the provider's id for an incoming message (crypto.ts providerIdHash). */
    provider_id_hash: string | null;
    body_sealed: string;
    created_at: Generated<Date>;
  };
  outbox: {
    id: Generated<string>;
    tip_id: string | null;
    purpose: 'notify' | 'update' | 'escalate' | 'alert' | 'to-reporter' | 'to-responder' | 'erase-message' | 'erase-conversation' | 'erase-call' | 'erase-recording';
    /** The recipient, by reference: a responder's key, or a reporter's conversation. */
    responder_key: string | null;
    conversation_id: string | null;
    /** The text, sealed; an update has none (it is written when sent); an erasure holds what to erase. */
    body_sealed: string | null;
    /** 0 urgent, 1 normal: urgent goes first, and even past the hourly limit. */
    priority: Generated<number>;
    /** Messages waiting with the same key become one SMS; a key is dropped when its SMS is taken for sending. */
    coalesce_key: string | null;
    /** How many messages this SMS stands for (an update on several new messages). */
    messages: Generated<number>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    sent_at: Date | null;
    transport: string | null;
    provider_sid: string | null;
    last_error: string | null;
    created_at: Generated<Date>;
    /** The order messages were queued in; those for one person go out in that order. */
    seq: Generated<string>;
  };
  /** Responders' access: PIN (slow hash), wrong PINs in a row, lock-out, session, revocation. */
  responders: {
    key: string;
    pin_hash: string | null;
    failed_pins: Generated<number>;
    locked_at: Date | null;
    session_until: Date | null;
    revoked_at: Date | null;
    updated_at: Generated<Date>;
  };
  /** Outgoing SMS per clock hour, replies included, for the hourly limit. */
  sms_usage: {
    hour: Date;
    sent: number;
    /** Staff have been told this hour's limit was reached. */
    alerted: Generated<boolean>;
  };
  /** Every incoming message's id, as a keyed hash, kept longer than the data: a replay is a no-op. */
  processed_requests: {
    id_hash: string;
    received_at: Generated<Date>;
  };
  /** A web report's receipt: how its reporter comes back without any identity. */
  web_receipts: {
    /** The short id the reporter types (e.g. K7Q2MX4P); not a secret. */
    lookup: string;
    /** The pseudonym of the report's conversation. */
    reporter_pseudonym: string;
    /** scrypt of the receipt's secret, with its parameters and salt (channels/web/receipt.ts). */
    secret_hash: string;
    /** Wrong secrets in a row, and when the next try may be made after them. */
    failures: Generated<number>;
    retry_after: Date | null;
    created_at: Generated<Date>;
  };
  /** Voice messages: the audio stays at Twilio until its conversation is erased (migrations/011). */
  recordings: {
    id: Generated<string>;
    conversation_id: string;
    /** A keyed hash of Twilio's RecordingSid: a retried webhook stores it once. */
    sid_hash: string;
    sid_sealed: string;
    seconds: number;
    created_at: Generated<Date>;
  };
  /** Requests per client address in the current window, by a keyed hash that changes daily. */
  rate_limits: {
    key: string;
    window_start: Date;
    hits: number;
  };
}

export type Db = Kysely<Database>;

/** How a tip reached the line. */
export type Channel = Database['tips']['channel'];

/** Why a message waits in the outbox. */
export type Purpose = Database['outbox']['purpose'];

/** The keys a migration needs when it converts sealed or pseudonymous data. */
export interface StoreKeys {
  sealing: Keyring;
  pseudonymKey: Buffer;
}
