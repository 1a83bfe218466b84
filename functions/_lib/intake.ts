import { randomInt } from 'node:crypto';
import type { CountryHotlines } from '../../src/schemas/hotline.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { encrypt, pseudonymFor } from './crypto.ts';
import type { Db } from './db.ts';
import { replyLanguage } from './language.ts';
import { commandIn, fillReply, textFor, type TextsByLocale } from './replies.ts';
import { responderByPhone, routeAt, routeFor, type Directory } from './directory.ts';
import { handleResponderSms } from './responders.ts';
import { notificationText, notifyGroup } from './routing.ts';
import { enqueue } from './outbox.ts';
import { triage } from './triage.ts';

export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  fromCountry?: string;
}

export interface IntakeContext {
  db: Db;
  texts: TextsByLocale;
  hotlines: Map<string, CountryHotlines>;
  encryptionKey: Buffer;
  pseudonymKey: Buffer;
  autoReply: boolean;
  lineCountry?: string;
  directory: Directory;
}

/** The answer to send back, if any, and what happened (for tests and the simulator; no personal data). */
export interface IntakeResult {
  reply: string | null;
  outcome: 'duplicate' | 'report' | 'stop' | 'start' | 'help' | 'delete' | 'language' | 'responder';
  tipRef?: string;
}

// No 0/O or 1/I/L: a responder reads the reference aloud or types it from a small screen.
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newTipRef(): string {
  return Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('');
}

/** The language most people of a country read, where one of ours is (KH → km). */
function countryLocale(country: string | undefined): Locale | undefined {
  return locales.find((l) => l.country !== null && l.country === country)?.code;
}

/**
 * Takes in one SMS: records it once (Twilio retries), threads it into the reporter's conversation
 * by pseudonym, handles the line's keywords, and says what to answer, in the reporter's language.
 * The phone number is kept only sealed; the text only sealed.
 */
export async function receiveSms(ctx: IntakeContext, sms: InboundSms): Promise<IntakeResult> {
  const { db } = ctx;
  return db.transaction().execute(async (tx) => {
    const first = await tx
      .insertInto('processed_requests')
      .values({ twilio_sid: sms.messageSid })
      .onConflict((c) => c.doNothing())
      .returning('twilio_sid')
      .executeTakeFirst();
    if (!first) return { reply: null, outcome: 'duplicate' as const };

    // Only numbers in the responder directory are responders; everyone else is a reporter.
    const responder = responderByPhone(ctx.directory, sms.from);
    if (responder) {
      return { reply: await handleResponderSms(tx, ctx.encryptionKey, responder, sms.body), outcome: 'responder' as const };
    }

    const pseudonym = pseudonymFor(sms.from, ctx.pseudonymKey);
    const country = sms.fromCountry ?? ctx.lineCountry;
    const hotlines = country ? ctx.hotlines.get(country) : undefined;
    const conversation = await tx.selectFrom('conversations').selectAll().where('reporter_pseudonym', '=', pseudonym).executeTakeFirst();
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
      if (conversation) await tx.deleteFrom('conversations').where('id', '=', conversation.id).execute();
      return { reply: say(text.replies.deleted), outcome: 'delete' as const };
    }
    if (command?.command === 'stop' || command?.command === 'start') {
      if (conversation) {
        await tx.updateTable('conversations').set({ opted_out: command.command === 'stop' }).where('id', '=', conversation.id).execute();
      }
      return { reply: say(text.replies[command.command === 'stop' ? 'stopped' : 'started']), outcome: command.command };
    }

    const conversationId = conversation
      ? conversation.id
      : (await tx
          .insertInto('conversations')
          .values({ reporter_pseudonym: pseudonym, reporter_number_sealed: encrypt(sms.from, ctx.encryptionKey), locale, country: country ?? null })
          .returning('id')
          .executeTakeFirstOrThrow()).id;
    if (conversation) {
      await tx.updateTable('conversations').set({ locale, last_message_at: new Date() }).where('id', '=', conversationId).execute();
    }
    if (command?.command === 'language') {
      return { reply: say(text.replies.languageChanged), outcome: 'language' as const };
    }

    const tipColumns = ['id', 'ref', 'urgency', 'country', 'locale', 'categories', 'route_index', 'escalation_step', 'claimed_by_phone'] as const;
    let tip = await tx.selectFrom('tips').select(tipColumns).where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').executeTakeFirst();
    const isNewTip = !tip;
    if (!tip) {
      const { urgency, categories } = triage(sms.body, ctx.texts);
      const { index, route } = routeFor(ctx.directory, { country: country ?? null, locale, urgency });
      tip = await tx
        .insertInto('tips')
        .values({ ref: newTipRef(), conversation_id: conversationId, channel: 'sms', locale, country: country ?? null, urgency, categories: categories.join(','), route_index: index })
        .returning(tipColumns)
        .executeTakeFirstOrThrow();
      await notifyGroup(tx, ctx.encryptionKey, ctx.directory, route.notify[0], tip.id, 'notify', notificationText(tip, sms.body));
    } else if (tip.claimed_by_phone) {
      // The reporter answers: it reaches the responder who took the tip, through the line.
      await enqueue(tx, ctx.encryptionKey, { tipId: tip.id, purpose: 'to-responder', to: tip.claimed_by_phone, body: `#${tip.ref} ${sms.body}` });
    } else {
      const route = routeAt(ctx.directory, tip.route_index);
      const group = route.notify[Math.min(tip.escalation_step, route.notify.length - 1)];
      await notifyGroup(tx, ctx.encryptionKey, ctx.directory, group, tip.id, 'notify', notificationText(tip, sms.body, 'More on tip'));
    }
    await tx
      .insertInto('messages')
      .values({ conversation_id: conversationId, tip_id: tip.id, direction: 'in', twilio_sid: sms.messageSid, body_sealed: encrypt(sms.body, ctx.encryptionKey) })
      .execute();

    // "Help" gets the carriers' expected answer, but it is also kept as a report: a person who
    // texts "help me" alone may be in danger, and a responder must see it.
    const template = command?.command === 'help' ? text.replies.help : isNewTip ? text.replies.received : text.replies.followUp;
    const silent = !ctx.autoReply || conversation?.opted_out;
    return { reply: silent ? null : say(template), outcome: command?.command === 'help' ? 'help' : 'report', tipRef: tip.ref };
  });
}
