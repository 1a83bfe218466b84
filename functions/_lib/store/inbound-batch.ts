/**
 * What a batch of incoming messages reads from the store and writes to it, whatever decided those
 * writes: the store knows the rows, not the rules.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import { unseal, type Keyring } from '../crypto.ts';
import { recordingSidAt } from './sealed.ts';
import type { Channel, Database } from './schema.ts';
import { erasureRow, LEASE, outboxRow, type Erasure, type LeasedSms, type OutgoingSms } from './outbox-rows.ts';

type Tx = Transaction<Database>;

export type TipState = Pick<
  Selectable<Database['tips']>,
  'id' | 'ref' | 'urgency' | 'country' | 'locale' | 'categories' | 'route_index' | 'escalation_step' | 'claimed_by'
>;

/** What a message may change in a conversation. */
export interface ConversationState {
  id: string;
  locale: string;
  optedOut: boolean;
  deleteRequestedAt: Date | null;
  lastReplyAt: Date | null;
  lastFollowUpAt: Date | null;
}

/** What the store holds for one reporter: their conversation and its latest tip, if any. */
export interface ReporterState {
  conversation?: ConversationState;
  tip?: TipState;
}

/** Everything a batch of reporters' messages changes in the store, for one transaction to write. */
export interface BatchWrites {
  /** Stored conversations the reporter erased (DELETE); their tips, messages and outbox go with them. */
  deletedConversations: string[];
  newConversations: (ConversationState & { reporterPseudonym: string; reporterNumberSealed: string | null; country: string | null })[];
  /** `messaged`: a message was stored in it, which keeps it from retention longer. */
  changedConversations: (ConversationState & { messaged: boolean })[];
  newTips: {
    id: string; ref: string; conversationId: string; channel: Channel; locale: string; country: string | null; urgency: string; categories: string; routeIndex: number;
  }[];
  /** Incoming messages, sealed, each with a keyed hash of the channel's id for it; a message that opened no tip has none. */
  messages: { id: string; conversationId: string; tipId: string | null; providerIdHash: string; bodySealed: string }[];
  outbox: OutgoingSms[];
  /** Records to erase at Twilio: the messages taken in, a conversation erased. */
  erasures: Erasure[];
  /** Automatic replies given, for the hourly count of SMS sent. */
  replies: number;
}

/**
 * Records each message's id (a keyed hash of Twilio's MessageSid or CallSid), in one statement, and
 * returns the positions of the ids seen for the first time. Twilio retries a webhook it thinks
 * failed, and a captured request can be replayed: a second copy, in this batch or any before, even
 * after the conversation is erased, is a no-op (one stored message, one reply).
 */
export async function firstDeliveries(tx: Tx, idHashes: string[]): Promise<number[]> {
  const firstIndexOf = new Map<string, number>();
  idHashes.forEach((id, i) => firstIndexOf.has(id) || firstIndexOf.set(id, i));
  const firstInBatch = [...firstIndexOf.values()];
  const inserted = await tx
    .insertInto('processed_requests')
    .values(firstInBatch.map((i) => ({ id_hash: idHashes[i] })))
    .onConflict((c) => c.doNothing())
    .returning('id_hash')
    .execute();
  const fresh = new Set(inserted.map((r) => r.id_hash));
  return firstInBatch.filter((i) => fresh.has(idHashes[i]));
}

/**
 * What a conversation left at Twilio besides the messages to and from the reporter: the SMS sent to
 * responders about it (notifications carry the reporter's words), and its voice messages' audio.
 * Queued for erasure with it.
 */
export async function sentAbout(tx: Tx, sealing: Keyring, conversationIds: string[]): Promise<Erasure[]> {
  if (!conversationIds.length) return [];
  const sent = await tx.selectFrom('outbox').leftJoin('tips', 'tips.id', 'outbox.tip_id').select('outbox.provider_sid')
    .where((eb) => eb.or([eb('outbox.conversation_id', 'in', conversationIds), eb('tips.conversation_id', 'in', conversationIds)]))
    .where('outbox.provider_sid', 'is not', null).where('outbox.transport', '=', 'twilio').execute();
  const recordings = await tx.selectFrom('recordings').select(['id', 'sid_sealed']).where('conversation_id', 'in', conversationIds).execute();
  return [
    ...sent.map((row) => ({ purpose: 'erase-message' as const, target: row.provider_sid! })),
    ...recordings.map((row) => ({ purpose: 'erase-recording' as const, target: unseal(row.sid_sealed, sealing, recordingSidAt(row.id)) })),
  ];
}

/** Queues erasures at Twilio, due after `delayMs` (Twilio refuses to erase a message it is still processing). */
export async function queueErasures(tx: Tx, sealing: Keyring, erasures: Erasure[], delayMs: number): Promise<void> {
  if (!erasures.length) return;
  await tx.insertInto('outbox')
    .values(erasures.map((e) => ({ ...erasureRow(e, sealing), next_attempt_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})` })))
    .execute();
}

/** The conversations of these reporters, each with its latest tip, and the SMS sent this hour, in one statement. */
export async function loadReporters(tx: Tx, pseudonyms: string[]): Promise<{ reporters: Map<string, ReporterState>; sentThisHour: number }> {
  const { rows } = await sql<{
    id: string | null; reporter_pseudonym: string | null; locale: string; opted_out: boolean; delete_requested_at: Date | null;
    last_reply_at: Date | null; last_follow_up_at: Date | null; tip_id: string | null; ref: string; urgency: 'urgent' | 'normal';
    country: string | null; tip_locale: string; categories: string; route_index: number; escalation_step: number; claimed_by: string | null;
    sent_this_hour: number;
  }>`
    select c.id, c.reporter_pseudonym, c.locale, c.opted_out, c.delete_requested_at, c.last_reply_at, c.last_follow_up_at,
           t.id as tip_id, t.ref, t.urgency, t.country, t.locale as tip_locale, t.categories, t.route_index, t.escalation_step, t.claimed_by,
           coalesce((select sent from sms_usage where hour = date_trunc('hour', now())), 0) as sent_this_hour
    from (select 1) as always
    left join conversations c on c.reporter_pseudonym = any(${[...new Set(pseudonyms)]}::text[])
    left join lateral (
      select * from tips where tips.conversation_id = c.id order by created_at desc limit 1
    ) t on true`.execute(tx);
  const reporters = new Map<string, ReporterState>();
  for (const r of rows) {
    if (!r.id || !r.reporter_pseudonym) continue;
    reporters.set(r.reporter_pseudonym, {
      conversation: {
        id: r.id, locale: r.locale, optedOut: r.opted_out, deleteRequestedAt: r.delete_requested_at,
        lastReplyAt: r.last_reply_at, lastFollowUpAt: r.last_follow_up_at,
      },
      tip: r.tip_id
        ? {
            id: r.tip_id, ref: r.ref, urgency: r.urgency, country: r.country, locale: r.tip_locale, categories: r.categories,
            route_index: r.route_index, escalation_step: r.escalation_step, claimed_by: r.claimed_by,
          }
        : undefined,
    });
  }
  return { reporters, sentThisHour: Number(rows[0]?.sent_this_hour ?? 0) };
}

/** One column of rows, as an array: the statements below pass each column as one parameter. */
function column<T, K extends keyof T>(rows: T[], key: K): T[K][] {
  return rows.map((row) => row[key]);
}

/**
 * Writes a batch's changes in one statement: the store's cost is mostly per statement, not per row.
 * PostgreSQL checks the references between the new rows at the end of the statement. A conversation
 * erased in the batch goes first, on its own, so its reporter can start a new one in the same batch.
 * Messages that wait to be gathered into one SMS (an update on a tip) join the one already waiting.
 */
export async function saveWrites(
  tx: Tx,
  sealing: Keyring,
  writes: BatchWrites,
  options: { leaseQueued?: boolean; coalesceMs?: number; eraseDelayMs?: number } = {},
): Promise<LeasedSms[]> {
  const erasures = [...writes.erasures];
  if (writes.deletedConversations.length) {
    erasures.push(...(await sentAbout(tx, sealing, writes.deletedConversations)));
    await tx.deleteFrom('conversations').where('id', 'in', writes.deletedConversations).execute();
  }
  const { newConversations: conversations, changedConversations: changed, newTips: tips, messages } = writes;
  // Messages the caller sends at once are queued already leased to it (see outbox/pump.ts): sent
  // without another trip to the store, and by the scheduled jobs should this process stop first.
  // Updates wait to gather the messages that follow.
  const leased = options.leaseQueued ?? false;
  const outbox = [...writes.outbox.map((m) => outboxRow(m, sealing)), ...erasures.map((e) => erasureRow(e, sealing))];
  const leaseNow = outbox.map((_, i) => i < writes.outbox.length && leased && !writes.outbox[i].coalesce && writes.outbox[i].phone !== undefined);
  const dueIn = outbox.map((o, i) =>
    i >= writes.outbox.length ? (options.eraseDelayMs ?? 0) / 1000 : o.coalesce_key === null ? 0 : (options.coalesceMs ?? 0) / 1000);
  await sql`
    with new_conversations as (
      insert into conversations (id, reporter_pseudonym, reporter_number_sealed, locale, country, opted_out, delete_requested_at,
                                 last_reply_at, last_follow_up_at)
      select * from unnest(${column(conversations, 'id')}::uuid[], ${column(conversations, 'reporterPseudonym')}::text[],
                           ${column(conversations, 'reporterNumberSealed')}::text[], ${column(conversations, 'locale')}::text[],
                           ${column(conversations, 'country')}::text[], ${column(conversations, 'optedOut')}::boolean[],
                           ${column(conversations, 'deleteRequestedAt')}::timestamptz[], ${column(conversations, 'lastReplyAt')}::timestamptz[],
                           ${column(conversations, 'lastFollowUpAt')}::timestamptz[])
    ), changed_conversations as (
      update conversations as c
      set locale = u.locale, opted_out = u.opted_out, delete_requested_at = u.delete_requested_at,
          last_reply_at = u.last_reply_at, last_follow_up_at = u.last_follow_up_at,
          last_message_at = case when u.messaged then now() else c.last_message_at end
      from unnest(${column(changed, 'id')}::uuid[], ${column(changed, 'locale')}::text[], ${column(changed, 'optedOut')}::boolean[],
                  ${column(changed, 'deleteRequestedAt')}::timestamptz[], ${column(changed, 'lastReplyAt')}::timestamptz[],
                  ${column(changed, 'lastFollowUpAt')}::timestamptz[], ${column(changed, 'messaged')}::boolean[])
           as u (id, locale, opted_out, delete_requested_at, last_reply_at, last_follow_up_at, messaged)
      where c.id = u.id
    ), new_tips as (
      insert into tips (id, ref, conversation_id, channel, locale, country, urgency, categories, route_index)
      select * from unnest(${column(tips, 'id')}::uuid[], ${column(tips, 'ref')}::text[], ${column(tips, 'conversationId')}::uuid[],
                           ${column(tips, 'channel')}::text[], ${column(tips, 'locale')}::text[], ${column(tips, 'country')}::text[],
                           ${column(tips, 'urgency')}::text[], ${column(tips, 'categories')}::text[], ${column(tips, 'routeIndex')}::integer[])
    ), new_messages as (
      insert into messages (id, conversation_id, tip_id, direction, provider_id_hash, body_sealed)
      select id, conversation_id, tip_id, 'in', provider_id_hash, body_sealed
      from unnest(${column(messages, 'id')}::uuid[], ${column(messages, 'conversationId')}::uuid[], ${column(messages, 'tipId')}::uuid[],
                  ${column(messages, 'providerIdHash')}::text[], ${column(messages, 'bodySealed')}::text[])
           as m (id, conversation_id, tip_id, provider_id_hash, body_sealed)
    ), usage as (
      insert into sms_usage (hour, sent)
      select date_trunc('hour', now()), ${writes.replies}::integer where ${writes.replies}::integer > 0
      on conflict (hour) do update set sent = sms_usage.sent + excluded.sent
    )
    insert into outbox (id, tip_id, purpose, responder_key, conversation_id, body_sealed, priority, coalesce_key, messages, attempts, next_attempt_at)
    select id, tip_id, purpose, responder_key, conversation_id, body_sealed, priority, coalesce_key, messages,
           case when lease_now then 1 else 0 end,
           case when lease_now then now() + ${LEASE} else now() + make_interval(secs => due_in) end
    from unnest(${column(outbox, 'id')}::uuid[], ${column(outbox, 'tip_id')}::uuid[], ${column(outbox, 'purpose')}::text[],
                ${column(outbox, 'responder_key')}::text[], ${column(outbox, 'conversation_id')}::uuid[],
                ${column(outbox, 'body_sealed')}::text[], ${column(outbox, 'priority')}::smallint[],
                ${column(outbox, 'coalesce_key')}::text[], ${column(outbox, 'messages')}::integer[],
                ${leaseNow}::boolean[], ${dueIn}::double precision[])
         as o (id, tip_id, purpose, responder_key, conversation_id, body_sealed, priority, coalesce_key, messages, lease_now, due_in)
    on conflict (coalesce_key) where coalesce_key is not null
    do update set messages = outbox.messages + excluded.messages`.execute(tx);
  return writes.outbox.flatMap((m, i) => (leaseNow[i] ? [{ id: outbox[i].id, to: m.phone!, body: m.body!, urgent: m.urgent, attempts: 1 }] : []));
}
