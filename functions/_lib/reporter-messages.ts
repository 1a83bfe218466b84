import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { encrypt } from './crypto.ts';
import type { Database } from './db.ts';
import { routeAt, routeFor } from './directory.ts';
import type { InboundSms, IntakeContext, IntakeResult } from './intake.ts';
import { replyLanguage } from './language.ts';
import type { OutgoingSms } from './outbox.ts';
import { commandIn, fillReply, textFor } from './replies.ts';
import { notificationText, notificationsFor } from './routing.ts';
import { newTipRef } from './tip-ref.ts';
import { triage } from './triage.ts';

export type TipState = Pick<
  Selectable<Database['tips']>,
  'id' | 'ref' | 'urgency' | 'country' | 'locale' | 'categories' | 'route_index' | 'escalation_step' | 'claimed_by_phone'
>;

/** What the store holds for one reporter: their conversation and its latest tip, if any. */
export interface ReporterState {
  conversation?: { id: string; locale: string; optedOut: boolean };
  tip?: TipState;
}

/** Everything a batch of reporters' messages changes in the store, for one transaction to write. */
export interface IntakeWrites {
  /** Stored conversations the reporter erased (DELETE); their tips, messages and outbox go with them. */
  deletedConversations: string[];
  newConversations: {
    id: string; reporterPseudonym: string; reporterNumberSealed: string; locale: string; country: string | null; optedOut: boolean;
  }[];
  changedConversations: { id: string; locale: string; optedOut: boolean; messaged: boolean }[];
  newTips: {
    id: string; ref: string; conversationId: string; locale: string; country: string | null; urgency: string; categories: string; routeIndex: number;
  }[];
  /** Incoming messages, sealed. */
  messages: { conversationId: string; tipId: string; twilioSid: string; bodySealed: string }[];
  outbox: OutgoingSms[];
}

export interface ReporterSms {
  sms: InboundSms;
  /** The keyed pseudonym of the sender's number (crypto.ts). */
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
  incoming: ReporterSms[],
  known: Map<string, ReporterState>,
): { results: IntakeResult[]; writes: IntakeWrites } {
  const states = new Map(known);
  const deleted: string[] = [];
  const created = new Map<string, IntakeWrites['newConversations'][number]>();
  const changed = new Map<string, IntakeWrites['changedConversations'][number]>();
  let tips: IntakeWrites['newTips'] = [];
  let messages: IntakeWrites['messages'] = [];
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

  function receive({ sms, pseudonym }: ReporterSms): IntakeResult {
    const state: ReporterState = states.get(pseudonym) ?? {};
    states.set(pseudonym, state);
    const { conversation } = state;
    const wasOptedOut = conversation?.optedOut ?? false;
    const country = sms.fromCountry ?? ctx.lineCountry;
    const hotlines = country ? ctx.hotlines.get(country) : undefined;
    const command = commandIn(sms.body, ctx.texts);
    const locale = replyLanguage({
      chosen: command?.command === 'language' ? command.locale : undefined,
      text: command && command.command !== 'help' ? '' : sms.body,
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
        reporterNumberSealed: encrypt(sms.from, ctx.encryptionKey),
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
      const { urgency, categories } = triage(sms.body, ctx.texts);
      const { index, route } = routeFor(ctx.directory, { country: country ?? null, locale, urgency });
      const tip: TipState = {
        id: randomUUID(), ref: newTipRef(), urgency, country: country ?? null, locale,
        categories: categories.join(','), route_index: index, escalation_step: 0, claimed_by_phone: null,
      };
      tips.push({ id: tip.id, ref: tip.ref, conversationId, locale, country: tip.country, urgency, categories: tip.categories, routeIndex: index });
      state.tip = tip;
      queue(...notificationsFor(ctx.directory, route.notify[0], tip.id, 'notify', notificationText(tip, sms.body)));
    } else if (state.tip.claimed_by_phone) {
      // The reporter answers: it reaches the responder who took the tip, through the line.
      queue({ tipId: state.tip.id, purpose: 'to-responder', to: state.tip.claimed_by_phone, body: `#${state.tip.ref} ${sms.body}` });
    } else {
      const route = routeAt(ctx.directory, state.tip.route_index);
      const group = route.notify[Math.min(state.tip.escalation_step, route.notify.length - 1)];
      queue(...notificationsFor(ctx.directory, group, state.tip.id, 'notify', notificationText(state.tip, sms.body, 'More on tip')));
    }
    messages.push({ conversationId, tipId: state.tip.id, twilioSid: sms.messageSid, bodySealed: encrypt(sms.body, ctx.encryptionKey) });

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
