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

/**
 * Decides, for reporters' messages in the order they are given, what to answer and what to store:
 * it threads each message into its reporter's conversation, handles the line's keywords, opens a
 * tip and tells its responders, or passes the message on to whoever took the tip. It only reads
 * `known` (what the store held before) and returns the writes, so a whole batch of messages costs
 * one transaction; a reporter who sends two messages in one batch is seen as one conversation.
 */
export function planReporterMessages(
  ctx: IntakeContext,
  incoming: ReporterMessage[],
  known: Map<string, ReporterState>,
): { results: IntakeResult[]; writes: BatchWrites } {
  const states = new Map(known);
  const deleted: string[] = [];
  const created = new Map<string, BatchWrites['newConversations'][number]>();
  const changed = new Map<string, BatchWrites['changedConversations'][number]>();
  let tips: BatchWrites['newTips'] = [];
  let messages: BatchWrites['messages'] = [];
  let outbox: { conversationId: string; message: OutgoingSms }[] = [];

  /** Keeps a conversation's language and opt-out, for a new conversation or a stored one. */
  function keep(conversation: NonNullable<ReporterState['conversation']>, messaged: boolean): void {
    const fresh = created.get(conversation.id);
    if (fresh) {
      Object.assign(fresh, { locale: conversation.locale, optedOut: conversation.optedOut });
      return;
    }
    const before = changed.get(conversation.id);
    changed.set(conversation.id, { id: conversation.id, locale: conversation.locale, optedOut: conversation.optedOut, messaged: messaged || !!before?.messaged });
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
    const command = commandIn(inbound.body, ctx.texts);
    const locale = replyLanguage({
      chosen: command?.command === 'language' ? command.locale : undefined,
      text: command && command.command !== 'help' ? '' : inbound.body,
      previous: conversation?.locale,
      countryDefault: countryLocale(country),
    });
    const text = textFor(ctx.texts, locale);
    const say = (template: string) => fillReply(template, text, hotlines);

    if (command?.command === 'delete') {
      if (conversation) erase(conversation.id);
      states.set(pseudonym, {});
      return { reply: say(text.replies.deleted), outcome: 'delete' };
    }
    if (command?.command === 'stop' || command?.command === 'start') {
      if (conversation) {
        conversation.optedOut = command.command === 'stop';
        keep(conversation, false);
      }
      return { reply: say(text.replies[command.command === 'stop' ? 'stopped' : 'started']), outcome: command.command };
    }

    if (conversation) {
      conversation.locale = locale;
      keep(conversation, true);
    } else {
      state.conversation = { id: randomUUID(), locale, optedOut: false };
      created.set(state.conversation.id, {
        id: state.conversation.id,
        reporterPseudonym: pseudonym,
        reporterNumberSealed: encrypt(inbound.from, ctx.encryptionKey),
        locale,
        country: country ?? null,
        optedOut: false,
      });
    }
    const conversationId = state.conversation!.id;
    if (command?.command === 'language') return { reply: say(text.replies.languageChanged), outcome: 'language' };

    const queue = (...queued: OutgoingSms[]) => outbox.push(...queued.map((message) => ({ conversationId, message })));
    const isNewTip = !state.tip;
    if (!state.tip) {
      const { urgency, categories } = triage(inbound.body, ctx.texts);
      const { index, route } = routeFor(ctx.directory, { country: country ?? null, locale, urgency });
      const tip: TipState = {
        id: randomUUID(), ref: newTipRef(), urgency, country: country ?? null, locale,
        categories: categories.join(','), route_index: index, escalation_step: 0, claimed_by_phone: null,
      };
      tips.push({ id: tip.id, ref: tip.ref, conversationId, channel: inbound.channel, locale, country: tip.country, urgency, categories: tip.categories, routeIndex: index });
      state.tip = tip;
      queue(...notificationsFor(ctx.directory, route.notify[0], tip.id, 'notify', notificationText(tip, inbound.body)));
    } else if (state.tip.claimed_by_phone) {
      // The reporter answers: it reaches the responder who took the tip, through the line.
      queue({ tipId: state.tip.id, purpose: 'to-responder', to: state.tip.claimed_by_phone, body: `#${state.tip.ref} ${inbound.body}` });
    } else {
      const route = routeAt(ctx.directory, state.tip.route_index);
      const group = route.notify[Math.min(state.tip.escalation_step, route.notify.length - 1)];
      queue(...notificationsFor(ctx.directory, group, state.tip.id, 'notify', notificationText(state.tip, inbound.body, 'More on tip')));
    }
    messages.push({ conversationId, tipId: state.tip.id, providerId: inbound.id, bodySealed: encrypt(inbound.body, ctx.encryptionKey) });

    // "Help" gets the carriers' expected answer, but it is also kept as a report: a person who
    // texts "help me" alone may be in danger, and a responder must see it.
    const template = command?.command === 'help' ? text.replies.help : isNewTip ? text.replies.received : text.replies.followUp;
    const silent = !ctx.autoReply || wasOptedOut;
    return { reply: silent ? null : say(template), outcome: command?.command === 'help' ? 'help' : 'report', tipRef: state.tip.ref };
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
