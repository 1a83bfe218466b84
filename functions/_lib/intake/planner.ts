import { randomUUID } from 'node:crypto';
import { locales, type Locale } from '../../../src/i18n/locales.ts';
import { textFor } from '../content.ts';
import { seal } from '../crypto.ts';
import { routeAt, routeFor } from '../routing/directory.ts';
import { membersOf, notificationText, notificationsFor, relayText } from '../routing/notifications.ts';
import type { BatchWrites, ConversationState, ReporterState, TipState } from '../store/inbound-batch.ts';
import type { OutgoingSms } from '../store/outbox-rows.ts';
import { messageBodyAt, reporterNumberAt } from '../store/sealed.ts';
import { commandIn } from './keywords.ts';
import { replyLanguage } from './language.ts';
import { replyNumberOf, type InboundMessage, type IntakeContext, type IntakeResult } from './message.ts';
import { fillReply } from './replies.ts';
import type { TiplineText } from '../../../src/schemas/tipline.ts';
import { newTipRef } from './tip-ref.ts';
import { triage } from './triage.ts';

export interface ReporterMessage {
  message: InboundMessage;
  /** The keyed pseudonym of the sender (crypto.ts). */
  pseudonym: string;
  /** The keyed hash of the message's id (crypto.ts). */
  idHash: string;
}

/** The language most people of a country read, where one of ours is (KH → km). */
function countryLocale(country: string | undefined): Locale | undefined {
  return locales.find((l) => l.country !== null && l.country === country)?.code;
}

/** A first DELETE is confirmed by another within this time (the texts say "10 minutes"). */
export const DELETE_CONFIRM_MS = 10 * 60_000;

type ReplyKind = keyof TiplineText['replies'];
/** Answers to a reporter's explicit request: they must learn it was done, so pacing never holds them back. */
const requested = new Set<ReplyKind>(['stopped', 'started', 'deleteConfirm', 'deleted']);

/**
 * Decides, for reporters' messages in the order they are given, what to answer and what to store:
 * it threads each message into its reporter's conversation, handles the line's keywords, opens a
 * tip and tells its responders, or passes the message on to whoever took the tip. It only reads
 * `known` (what the store held before) and returns the writes, so a whole batch of messages costs
 * one transaction; a reporter who sends two messages in one batch is seen as one conversation.
 *
 * No message is swallowed: everything but STOP and a confirmed DELETE is stored, and reaches the
 * tip's responders when there is a tip. A command that is not a report (START, a first DELETE, a
 * language's name) opens no tip by itself.
 *
 * A flood costs little: replies to one reporter are paced (the first, then at most one per
 * interval, "we have your messages" more rarely still), new messages on a tip its responders were
 * told of are gathered into one update each, and no reply goes out past the hourly SMS limit
 * (`sentThisHour` is what went out this hour before the batch).
 */
export function planReporterMessages(
  ctx: IntakeContext,
  incoming: ReporterMessage[],
  known: Map<string, ReporterState>,
  now: Date,
  sentThisHour = 0,
): { results: IntakeResult[]; writes: BatchWrites } {
  const states = new Map(known);
  const deleted: string[] = [];
  const created = new Map<string, BatchWrites['newConversations'][number]>();
  const changed = new Map<string, BatchWrites['changedConversations'][number]>();
  let tips: BatchWrites['newTips'] = [];
  let messages: BatchWrites['messages'] = [];
  let outbox: { conversationId: string; message: OutgoingSms }[] = [];
  let replies = 0;
  const erasures: BatchWrites['erasures'] = [];

  /** Keeps what a message changed in a conversation, new or stored. */
  function keep(conversation: ConversationState, messaged: boolean): void {
    const fresh = created.get(conversation.id);
    if (fresh) {
      Object.assign(fresh, conversation);
      return;
    }
    const before = changed.get(conversation.id);
    changed.set(conversation.id, { ...conversation, messaged: messaged || !!before?.messaged });
  }

  /** DELETE: nothing of the conversation stays, whether it was stored before or began in this batch. */
  function erase(conversationId: string): void {
    if (!created.delete(conversationId)) {
      deleted.push(conversationId);
      changed.delete(conversationId);
    }
    tips = tips.filter((t) => t.conversationId !== conversationId);
    messages = messages.filter((m) => m.conversationId !== conversationId);
    outbox = outbox.filter((o) => o.conversationId !== conversationId);
  }

  /** Queues a message; an update joins the one for the same tip and responder queued earlier in the batch. */
  function queue(conversationId: string, message: OutgoingSms): void {
    const waiting = message.coalesce && outbox.find((o) => o.message.coalesce?.key === message.coalesce!.key);
    if (waiting) waiting.message.coalesce!.count += message.coalesce!.count;
    else outbox.push({ conversationId, message });
  }

  /** Whether a reply may go out now, to this conversation (none yet for a reporter with no conversation). */
  function mayReply(kind: ReplyKind, conversation: ConversationState | undefined): boolean {
    // AUTO_REPLY=off: the line sends a reporter nothing at all, whatever they send.
    if (!ctx.autoReply || sentThisHour + replies >= ctx.limits.smsPerHour) return false;
    if (requested.has(kind) || !conversation) return true;
    const since = (time: Date | null) => (time ? now.getTime() - time.getTime() : Infinity);
    if (since(conversation.lastReplyAt) < ctx.limits.replyIntervalMs) return false;
    return kind !== 'followUp' || since(conversation.lastFollowUpAt) >= ctx.limits.followUpIntervalMs;
  }

  function receive({ message: inbound, pseudonym, idHash }: ReporterMessage): IntakeResult {
    const state: ReporterState = states.get(pseudonym) ?? {};
    states.set(pseudonym, state);
    const { conversation } = state;
    const wasOptedOut = conversation?.optedOut ?? false;
    const replyNumber = replyNumberOf(inbound);
    const country = inbound.country ?? ctx.lineCountry;
    const hotlines = country ? ctx.hotlines.get(country) : undefined;
    // Keywords are for text messages: a web report is never a command, whatever its words.
    const keyword = inbound.channel === 'sms' ? commandIn(inbound.body, ctx.texts, { beforeReport: !state.tip }) : undefined;
    const command = keyword?.command;
    const locale = replyLanguage({
      chosen: inbound.locale ?? (command === 'language' ? keyword!.locale : undefined),
      text: command && command !== 'help' ? '' : inbound.body,
      previous: conversation?.locale,
      countryDefault: countryLocale(country),
    });
    const text = textFor(ctx.texts, locale);
    /** The reply of this kind, if it may go out now; it is then counted and remembered. */
    function answer(kind: ReplyKind | null): string | null {
      const current = state.conversation;
      // A reply is an SMS: a web reporter is answered by the page their report was sent from.
      if (!kind || inbound.channel !== 'sms' || !mayReply(kind, current)) return null;
      replies += 1;
      if (current) {
        current.lastReplyAt = now;
        if (kind === 'followUp') current.lastFollowUpAt = now;
        keep(current, false);
      }
      return fillReply(text.replies[kind], text, hotlines);
    }

    if (command === 'stop') {
      if (conversation) {
        conversation.optedOut = true;
        keep(conversation, false);
      }
      return { reply: answer('stopped'), outcome: 'stop' };
    }
    if (command === 'delete') {
      const requestedAt = conversation?.deleteRequestedAt;
      if (!conversation || (requestedAt && now.getTime() - requestedAt.getTime() <= DELETE_CONFIRM_MS)) {
        // Everything goes, here and at Twilio: every message to and from this number there too.
        if (conversation) erase(conversation.id);
        if (conversation && inbound.channel === 'sms') erasures.push({ purpose: 'erase-conversation', target: inbound.from });
        states.set(pseudonym, {});
        return { reply: answer('deleted'), outcome: 'delete' };
      }
      conversation.deleteRequestedAt = now;
    }

    if (conversation) {
      conversation.locale = locale;
      if (command === 'start') conversation.optedOut = false;
      keep(conversation, true);
    } else {
      state.conversation = { id: randomUUID(), locale, optedOut: false, deleteRequestedAt: null, lastReplyAt: null, lastFollowUpAt: null };
      created.set(state.conversation.id, {
        ...state.conversation,
        reporterPseudonym: pseudonym,
        reporterNumberSealed: replyNumber ? seal(replyNumber, ctx.sealing, reporterNumberAt(state.conversation.id)) : null,
        country: country ?? null,
      });
    }
    const conversationId = state.conversation!.id;
    // Pictures are not taken in: the text responders see says that one came.
    const stored = inbound.media ? `${inbound.body} [${inbound.media} picture(s) or file(s), not received]`.trim() : inbound.body;

    // A report opens a tip. "Help" does too: a person who texts "help me" alone may be in danger,
    // and a responder must see it. Other commands join the tip if there is one.
    const opensTip = !state.tip && (command === undefined || command === 'help');
    if (opensTip) {
      const triaged = triage(inbound.body, ctx.texts);
      const { categories } = triaged;
      const urgency = inbound.urgent ? 'urgent' : triaged.urgency;
      const { index, route } = routeFor(ctx.directory, { country: country ?? null, locale, urgency });
      const tip: TipState = {
        id: randomUUID(), ref: newTipRef(), urgency, country: country ?? null, locale,
        categories: categories.join(','), route_index: index, escalation_step: 0, claimed_by: null,
      };
      tips.push({ id: tip.id, ref: tip.ref, conversationId, channel: inbound.channel, locale, country: tip.country, urgency, categories: tip.categories, routeIndex: index });
      state.tip = tip;
      const members = membersOf(ctx.directory, ctx.responders, route.notify[0]);
      for (const sms of notificationsFor(members, tip, 'notify', notificationText(tip, stored))) queue(conversationId, sms);
    } else if (state.tip?.claimed_by) {
      // The reporter answers: it reaches the responder who took the tip, through the line.
      const holder = ctx.responders.byKey.get(state.tip.claimed_by);
      if (holder) {
        queue(conversationId, {
          tipId: state.tip.id, purpose: 'to-responder', recipient: { responder: holder.key }, phone: holder.phone,
          body: relayText(state.tip, stored), urgent: state.tip.urgency === 'urgent',
        });
      }
    } else if (state.tip) {
      const route = routeAt(ctx.directory, state.tip.route_index);
      const group = route.notify[Math.min(state.tip.escalation_step, route.notify.length - 1)];
      for (const sms of notificationsFor(membersOf(ctx.directory, ctx.responders, group), state.tip, 'update', null)) queue(conversationId, sms);
    }
    const messageId = randomUUID();
    messages.push({ id: messageId, conversationId, tipId: state.tip?.id ?? null, providerIdHash: idHash, bodySealed: seal(stored, ctx.sealing, messageBodyAt(messageId)) });

    const tipRef = state.tip?.ref;
    switch (command) {
      case 'start':
        return { reply: answer('started'), outcome: 'start', tipRef };
      case 'delete':
        return { reply: answer('deleteConfirm'), outcome: 'delete-requested', tipRef };
      case 'language':
        return { reply: answer('languageChanged'), outcome: 'language', tipRef };
      case 'help':
        return { reply: answer('help'), outcome: 'help', tipRef };
      default:
        // After STOP, a report is still stored and passed on, but the line stays quiet. A picture
        // is not taken in: the reporter is asked to describe it in words instead.
        return { reply: answer(wasOptedOut ? null : inbound.media ? 'mediaNotice' : opensTip ? 'received' : 'followUp'), outcome: 'report', tipRef };
    }
  }

  const results = incoming.map(receive);
  return {
    results,
    writes: {
      deletedConversations: deleted,
      newConversations: [...created.values()],
      changedConversations: [...changed.values()],
      newTips: tips,
      messages,
      outbox: outbox.map((o) => o.message),
      erasures,
      replies,
    },
  };
}
