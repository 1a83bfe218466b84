import { randomUUID } from 'node:crypto';
import { locales, type Locale } from '../../../src/i18n/locales.ts';
import { textFor } from '../content.ts';
import { encrypt } from '../crypto.ts';
import { routeAt, routeFor } from '../routing/directory.ts';
import { notificationText, notificationsFor } from '../routing/notifications.ts';
import type { BatchWrites, ReporterState, TipState } from '../store/inbound-batch.ts';
import type { OutgoingSms } from '../store/outbox-rows.ts';
import { commandIn } from './keywords.ts';
import { replyLanguage } from './language.ts';
import type { InboundMessage, IntakeContext, IntakeResult } from './message.ts';
import { fillReply } from './replies.ts';
import { newTipRef } from './tip-ref.ts';
import { triage } from './triage.ts';

export interface ReporterMessage {
  message: InboundMessage;
  /** The keyed pseudonym of the sender (crypto.ts). */
  pseudonym: string;
}

/** The language most people of a country read, where one of ours is (KH → km). */
function countryLocale(country: string | undefined): Locale | undefined {
  return locales.find((l) => l.country !== null && l.country === country)?.code;
}

/** A first DELETE is confirmed by another within this time (the texts say "10 minutes"). */
export const DELETE_CONFIRM_MS = 10 * 60_000;

type Conversation = NonNullable<ReporterState['conversation']>;

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
 */
export function planReporterMessages(
  ctx: IntakeContext,
  incoming: ReporterMessage[],
  known: Map<string, ReporterState>,
  now: Date,
): { results: IntakeResult[]; writes: BatchWrites } {
  const states = new Map(known);
  const deleted: string[] = [];
  const created = new Map<string, BatchWrites['newConversations'][number]>();
  const changed = new Map<string, BatchWrites['changedConversations'][number]>();
  let tips: BatchWrites['newTips'] = [];
  let messages: BatchWrites['messages'] = [];
  let outbox: { conversationId: string; message: OutgoingSms }[] = [];

  /** Keeps what a message changed in a conversation, new or stored. */
  function keep(conversation: Conversation, messaged: boolean): void {
    const { id, locale, optedOut, deleteRequestedAt } = conversation;
    const fresh = created.get(id);
    if (fresh) {
      Object.assign(fresh, { locale, optedOut, deleteRequestedAt });
      return;
    }
    const before = changed.get(id);
    changed.set(id, { id, locale, optedOut, deleteRequestedAt, messaged: messaged || !!before?.messaged });
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

  function receive({ message: inbound, pseudonym }: ReporterMessage): IntakeResult {
    const state: ReporterState = states.get(pseudonym) ?? {};
    states.set(pseudonym, state);
    const { conversation } = state;
    const wasOptedOut = conversation?.optedOut ?? false;
    const country = inbound.country ?? ctx.lineCountry;
    const hotlines = country ? ctx.hotlines.get(country) : undefined;
    const keyword = commandIn(inbound.body, ctx.texts, { beforeReport: !state.tip });
    const command = keyword?.command;
    const locale = replyLanguage({
      chosen: command === 'language' ? keyword!.locale : undefined,
      text: command && command !== 'help' ? '' : inbound.body,
      previous: conversation?.locale,
      countryDefault: countryLocale(country),
    });
    const text = textFor(ctx.texts, locale);
    // AUTO_REPLY=off: the line sends a reporter nothing at all, whatever they send.
    const answer = (template: string) => (ctx.autoReply ? fillReply(template, text, hotlines) : null);

    if (command === 'stop') {
      if (conversation) {
        conversation.optedOut = true;
        keep(conversation, false);
      }
      return { reply: answer(text.replies.stopped), outcome: 'stop' };
    }
    if (command === 'delete') {
      const requested = conversation?.deleteRequestedAt;
      if (!conversation || (requested && now.getTime() - requested.getTime() <= DELETE_CONFIRM_MS)) {
        if (conversation) erase(conversation.id);
        states.set(pseudonym, {});
        return { reply: answer(text.replies.deleted), outcome: 'delete' };
      }
      conversation.deleteRequestedAt = now;
    }

    if (conversation) {
      conversation.locale = locale;
      if (command === 'start') conversation.optedOut = false;
      keep(conversation, true);
    } else {
      state.conversation = { id: randomUUID(), locale, optedOut: false, deleteRequestedAt: null };
      created.set(state.conversation.id, {
        id: state.conversation.id,
        reporterPseudonym: pseudonym,
        reporterNumberSealed: encrypt(inbound.from, ctx.encryptionKey),
        locale,
        country: country ?? null,
        optedOut: false,
        deleteRequestedAt: null,
      });
    }
    const conversationId = state.conversation!.id;
    const queue = (...queued: OutgoingSms[]) => outbox.push(...queued.map((message) => ({ conversationId, message })));

    // A report opens a tip. "Help" does too: a person who texts "help me" alone may be in danger,
    // and a responder must see it. Other commands join the tip if there is one.
    const opensTip = !state.tip && (command === undefined || command === 'help');
    if (opensTip) {
      const { urgency, categories } = triage(inbound.body, ctx.texts);
      const { index, route } = routeFor(ctx.directory, { country: country ?? null, locale, urgency });
      const tip: TipState = {
        id: randomUUID(), ref: newTipRef(), urgency, country: country ?? null, locale,
        categories: categories.join(','), route_index: index, escalation_step: 0, claimed_by_phone: null,
      };
      tips.push({ id: tip.id, ref: tip.ref, conversationId, channel: inbound.channel, locale, country: tip.country, urgency, categories: tip.categories, routeIndex: index });
      state.tip = tip;
      queue(...notificationsFor(ctx.directory, route.notify[0], tip.id, 'notify', notificationText(tip, inbound.body)));
    } else if (state.tip?.claimed_by_phone) {
      // The reporter answers: it reaches the responder who took the tip, through the line.
      queue({ tipId: state.tip.id, purpose: 'to-responder', to: state.tip.claimed_by_phone, body: `#${state.tip.ref} ${inbound.body}` });
    } else if (state.tip) {
      const route = routeAt(ctx.directory, state.tip.route_index);
      const group = route.notify[Math.min(state.tip.escalation_step, route.notify.length - 1)];
      queue(...notificationsFor(ctx.directory, group, state.tip.id, 'notify', notificationText(state.tip, inbound.body, 'More on tip')));
    }
    messages.push({ conversationId, tipId: state.tip?.id ?? null, providerId: inbound.id, bodySealed: encrypt(inbound.body, ctx.encryptionKey) });

    const tipRef = state.tip?.ref;
    switch (command) {
      case 'start':
        return { reply: answer(text.replies.started), outcome: 'start', tipRef };
      case 'delete':
        return { reply: answer(text.replies.deleteConfirm), outcome: 'delete-requested', tipRef };
      case 'language':
        return { reply: answer(text.replies.languageChanged), outcome: 'language', tipRef };
      case 'help':
        return { reply: answer(text.replies.help), outcome: 'help', tipRef };
      default:
        // After STOP, a report is still stored and passed on, but the line stays quiet.
        return { reply: wasOptedOut ? null : answer(opensTip ? text.replies.received : text.replies.followUp), outcome: 'report', tipRef };
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
    },
  };
}
