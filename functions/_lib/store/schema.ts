import type { Generated, Kysely } from 'kysely';

/**
 * The tip store's tables, as Kysely sees them. Phone numbers and texts are only ever stored sealed
 * (see crypto.ts); the migrations in migrations/ make these tables.
 */
export interface Database {
  conversations: {
    id: Generated<string>;
    reporter_pseudonym: string;
    reporter_number_sealed: string;
    locale: string;
    country: string | null;
    opted_out: Generated<boolean>;
    created_at: Generated<Date>;
    last_message_at: Generated<Date>;
    /** When the reporter sent a first DELETE, which another DELETE soon after confirms. */
    delete_requested_at: Date | null;
  };
  tips: {
    id: Generated<string>;
    ref: string;
    conversation_id: string;
    channel: 'sms' | 'voice' | 'web';
    locale: string;
    country: string | null;
    status: Generated<string>;
    created_at: Generated<Date>;
    urgency: Generated<'urgent' | 'normal'>;
    categories: Generated<string>;
    route_index: Generated<number>;
    escalation_step: Generated<number>;
    notified_at: Generated<Date>;
    claimed_by_name: string | null;
    claimed_by_phone: string | null;
    acknowledged_at: Date | null;
  };
  messages: {
    id: Generated<string>;
    conversation_id: string;
    tip_id: string | null;
    direction: 'in' | 'out';
    twilio_sid: string | null;
    body_sealed: string;
    created_at: Generated<Date>;
  };
  outbox: {
    id: Generated<string>;
    tip_id: string | null;
    purpose: 'notify' | 'escalate' | 'to-reporter' | 'to-responder' | 'confirm';
    recipient_sealed: string;
    body_sealed: string;
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
  processed_requests: {
    twilio_sid: string;
    received_at: Generated<Date>;
  };
}

export type Db = Kysely<Database>;

/** How a tip reached the line. */
export type Channel = Database['tips']['channel'];

/** Why a message waits in the outbox. */
export type Purpose = Database['outbox']['purpose'];
