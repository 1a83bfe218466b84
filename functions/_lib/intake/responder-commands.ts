import { randomUUID } from 'node:crypto';
import { providerIdHash, seal } from '../crypto.ts';
import { enqueue } from '../outbox/delivery.ts';
import { verifyPin } from '../pins.ts';
import { alertGroup, routeAt, type Responder } from '../routing/directory.ts';
import { alertsFor, membersOf } from '../routing/notifications.ts';
import { firstDeliveries, queueErasures } from '../store/inbound-batch.ts';
import { messageBodyAt } from '../store/sealed.ts';
import { openSession, readAccess, recordWrongPin, type ResponderAccess } from '../store/responder-access.ts';
import type { InboundMessage, IntakeContext, IntakeResult } from './message.ts';
import { listenAnswer } from './recording-links.ts';

/** What a responder's text asks for, once read. */
type Command =
  | { kind: 'ack'; ref: string; pin: string | undefined }
  | { kind: 'relay'; ref: string; pin: string | undefined; text: string }
  | { kind: 'listen'; ref: string; pin: string | undefined }
  | { kind: 'pin'; pin: string };

const PIN = /^\d{4,8}$/;

/**
 * `ACK <ref> <PIN>` takes a tip; `#<ref> <PIN> <message>` answers its reporter (the PIN only on
 * the first answer of a session); `PIN <PIN>` opens a session. Within a session, everything after
 * `#<ref>` is the message, digits included.
 */
function parse(body: string, inSession: boolean): Command | undefined {
  const ack = /^\s*ack\s+([a-z0-9]{4,8})(?:\s+(\S+))?\s*$/i.exec(body);
  if (ack) return { kind: 'ack', ref: ack[1].toUpperCase(), pin: ack[2] };
  const listen = /^\s*listen\s+([a-z0-9]{4,8})(?:\s+(\S+))?\s*$/i.exec(body);
  if (listen) return { kind: 'listen', ref: listen[1].toUpperCase(), pin: listen[2] };
  const pin = /^\s*pin\s+(\S+)\s*$/i.exec(body);
  if (pin) return { kind: 'pin', pin: pin[1] };
  const relay = /^\s*#([a-z0-9]{4,8})\s+([\s\S]+)$/i.exec(body);
  if (!relay) return undefined;
  const [first, ...rest] = relay[2].trim().split(/\s+/);
  if (!inSession && PIN.test(first) && rest.length) return { kind: 'relay', ref: relay[1].toUpperCase(), pin: first, text: relay[2].trim().slice(first.length).trim() };
  return { kind: 'relay', ref: relay[1].toUpperCase(), pin: undefined, text: relay[2].trim() };
}

/** A command as it is written with the PIN, for a responder who left the PIN out. */
function withPin(command: Command): string {
  switch (command.kind) {
    case 'ack': return `ACK ${command.ref} <PIN>`;
    case 'relay': return `#${command.ref} <PIN> <message>`;
    case 'listen': return `LISTEN ${command.ref} <PIN>`;
    case 'pin': return 'PIN <PIN>';
  }
}

const USAGE = 'Reply ACK <ref> <PIN> to take a tip, #<ref> <PIN> <message> to answer its reporter, or LISTEN <ref> <PIN> to hear its voice message (the PIN once a session).';

/**
 * A text from a number in the responder directory. A spoofed caller ID is not enough to act: ACK
 * always needs the responder's PIN, an answer to a reporter needs it once per session
 * (RESPONDER_SESSION_MINUTES), and wrong PINs in a row (RESPONDER_PIN_ATTEMPTS) lock the responder
 * out and tell the alert group. A responder may act only on tips routed to one of their groups,
 * and a revoked responder not at all. The answer goes, through Twilio, to the responder's own
 * phone: whoever holds it is told of every action taken in its name, and of every wrong PIN.
 *
 * The PIN's slow hash is checked outside any transaction, so it never holds up the store.
 */
export async function receiveResponderMessage(ctx: IntakeContext, responder: Responder, message: InboundMessage): Promise<IntakeResult> {
  const idHash = providerIdHash(message.id, ctx.pseudonymKey);
  // A retried webhook must not count a wrong PIN twice: a message seen before is not checked again.
  const seen = await ctx.db.selectFrom('processed_requests').select('id_hash').where('id_hash', '=', idHash).executeTakeFirst();
  if (seen) return { reply: null, outcome: 'duplicate' };
  const access = await readAccess(ctx.db, responder.key);
  const now = new Date();
  const inSession = !!access?.session_until && access.session_until > now;
  const command = parse(message.body, inSession);
  const pinGiven = command && command.kind !== 'relay' ? command.pin : command?.pin;
  const pinRight = pinGiven !== undefined && !!access?.pin_hash && PIN.test(pinGiven) && (await verifyPin(pinGiven, access.pin_hash));

  return ctx.db.transaction().execute(async (tx) => {
    if (!(await firstDeliveries(tx, [idHash])).length) return { reply: null, outcome: 'duplicate' };
    await queueErasures(tx, ctx.sealing, message.channel === 'sms' ? [{ purpose: 'erase-message', target: message.id }] : [], ctx.eraseDelayMs);
    const answer = (reply: string): IntakeResult => ({ reply, outcome: 'responder' });

    const refusal = refusalFor(access);
    if (refusal) return answer(refusal);
    if (!command) return answer(USAGE);

    // ACK and PIN always need the PIN; an answer and LISTEN only once a session.
    const needsPin = command.kind === 'ack' || command.kind === 'pin' || !inSession;
    if (needsPin) {
      if (pinGiven === undefined) return answer(`Give your PIN: ${withPin(command)}.`);
      if (!pinRight) {
        const { failed, locked } = await recordWrongPin(tx, responder.key, ctx.limits.pinAttempts);
        if (locked) {
          const staff = membersOf(ctx.directory, ctx.responders, alertGroup(ctx.directory).id);
          await enqueue(tx, ctx.sealing, ...alertsFor(staff,
            `Responder ${responder.name} is locked out of the tip line after ${failed} wrong PINs in a row: someone may be using their number. Staff can let them back in with a new PIN (npm run responders).`));
          return answer('Wrong PIN. You are locked out of the line; staff have been told and can give you a new PIN.');
        }
        return answer(`Wrong PIN: nothing was done. ${ctx.limits.pinAttempts - failed} tries left before you are locked out.`);
      }
      await openSession(tx, responder.key, new Date(now.getTime() + ctx.limits.sessionMs));
    }
    if (command.kind === 'pin') return answer(`PIN accepted. For the next ${Math.round(ctx.limits.sessionMs / 60_000)} minutes, answer with #<ref> <message>.`);

    const tip = await tx.selectFrom('tips').innerJoin('conversations', 'conversations.id', 'tips.conversation_id')
      .select(['tips.id', 'tips.urgency', 'tips.claimed_by', 'tips.route_index', 'conversations.id as conversation_id', 'conversations.opted_out', 'conversations.reporter_number_sealed', 'tips.channel'])
      .where('tips.ref', '=', command.ref).executeTakeFirst();
    const ref = command.ref;
    if (!tip) return answer(`No open tip ${ref}. It may have been deleted by the reporter or by the retention rule.`);
    if (!routeAt(ctx.directory, tip.route_index).notify.some((group) => responder.groups.includes(group))) {
      return answer(`Tip ${ref} is not routed to your groups: nothing was done.`);
    }
    // Hearing a voice message takes nothing: the tip stays open to whoever takes it.
    if (command.kind === 'listen') return answer(await listenAnswer(tx, ctx, ref));

    // Two responders who take a tip at the same moment cannot both have it: the update claims it
    // only if nobody has, and PostgreSQL lets one of two such updates through.
    let holder = tip.claimed_by;
    if (!holder) {
      const won = await tx.updateTable('tips')
        .set({ claimed_by: responder.key, acknowledged_at: now, status: 'acknowledged' })
        .where('id', '=', tip.id).where('claimed_by', 'is', null)
        .returning('claimed_by').executeTakeFirst();
      // Another responder took it between our read and our update: say who.
      holder = won?.claimed_by ?? (await tx.selectFrom('tips').select('claimed_by').where('id', '=', tip.id).executeTakeFirstOrThrow()).claimed_by;
    }
    if (holder !== responder.key) return answer(`Tip ${ref} is already taken by ${ctx.responders.byKey.get(holder!)?.name ?? 'another responder'}.`);
    if (command.kind === 'ack') return answer(`Tip ${ref} is yours. Answer the reporter with #${ref} <message>.`);

    // A web reporter has no number: the answer waits in their report until they come back with
    // their receipt, so it reaches no phone, whatever the line's settings.
    const web = tip.reporter_number_sealed === null;
    if (web && tip.channel === 'voice') return answer(`Not sent: the caller of ${ref} withheld their number, so the line cannot reach them.`);
    if (!web) {
      if (!ctx.autoReply) return answer('Not sent: this line sends reporters nothing (AUTO_REPLY=off), as a text could put them at risk.');
      if (tip.opted_out) return answer(`Not sent: the reporter of ${ref} has stopped messages (STOP).`);
      await enqueue(tx, ctx.sealing, {
        tipId: tip.id, purpose: 'to-reporter', recipient: { reporter: tip.conversation_id }, body: command.text, urgent: tip.urgency === 'urgent',
      });
    }
    const id = randomUUID();
    await tx.insertInto('messages')
      .values({ id, conversation_id: tip.conversation_id, tip_id: tip.id, direction: 'out', provider_id_hash: null, body_sealed: seal(command.text, ctx.sealing, messageBodyAt(id)) })
      .execute();
    // The answer names the tip, not the words: Twilio keeps it until the responder's records are erased.
    return answer(web
      ? `Saved for the reporter of ${ref}, who wrote on the website: they read it when they come back with their receipt.`
      : `Sent to the reporter of ${ref}.`);
  });
}

/** Why a responder may not act at all, if they may not. */
function refusalFor(access: ResponderAccess | undefined): string | undefined {
  if (access?.revoked_at) return 'Your access to the tip line has been withdrawn: nothing was done. Ask staff if this is a mistake.';
  if (access?.locked_at) return 'You are locked out of the tip line after wrong PINs: nothing was done. Staff can give you a new PIN.';
  if (!access?.pin_hash) return 'You have no PIN yet: nothing was done. Ask staff for one.';
  return undefined;
}
