import { groupById, type Directory, type Responder, type Responders } from './directory.ts';
import type { OutgoingSms } from '../store/outbox-rows.ts';
import type { Purpose } from '../store/schema.ts';

export interface TipFacts {
  id: string;
  ref: string;
  urgency: string;
  country: string | null;
  locale: string;
  categories: string;
}

/**
 * A reporter's words as a responder's phone will show them: without control characters (line
 * breaks aside) and without the bidirectional embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069) that could make a text display as something else, such as another tip's reference.
 */
export function shownToResponder(text: string): string {
  return text.replace(/[^\P{Cc}\n]|[\u202A-\u202E\u2066-\u2069]/gu, '');
}

/** A reporter's words in one line, clipped for an SMS. */
function clip(text: string, length = 90): string {
  const short = shownToResponder(text).replace(/\s+/g, ' ').trim();
  return short.length > length ? `${short.slice(0, length - 1)}…` : short;
}

/** What a responder needs to know a tip by: reference, urgency and kinds, country, language. */
function facts(tip: TipFacts): string {
  const kinds = tip.categories ? ` (${tip.categories})` : '';
  return `${tip.ref} · ${tip.urgency.toUpperCase()}${kinds} · ${tip.country ?? '??'} · ${tip.locale}`;
}

/** One line a responder can act on: reference, urgency, country, language and a short summary. */
export function notificationText(tip: TipFacts, summary: string, note = 'New tip'): string {
  return `${note} ${facts(tip)}: "${clip(summary)}" Reply ACK ${tip.ref} <PIN> to take it, #${tip.ref} <message> to answer.`;
}

/** A reporter's message, relayed as it is to the responder who holds their tip. */
export function relayText(tip: { ref: string }, text: string): string {
  return `#${tip.ref} ${shownToResponder(text)}`;
}

/** New messages on a tip its responders were told of, gathered into one SMS: how many, and the latest. */
export function updateText(tip: TipFacts, count: number, latest: string): string {
  const what = count === 1 ? 'New message' : `${count} new messages`;
  return `${what} on tip ${facts(tip)}, latest: "${clip(latest)}" Reply ACK ${tip.ref} <PIN> to take it.`;
}

/** The members of a group, as the line reaches them. */
export function membersOf(directory: Directory, responders: Responders, groupId: string): Responder[] {
  return groupById(directory, groupId).members.map((member) => responders.byPhone.get(member.phone)!);
}

/**
 * The same message to every member of a group, to queue, each by reference. Never includes the
 * reporter's number. An update (no body) is gathered per tip and responder with those waiting.
 */
export function notificationsFor(
  members: Responder[],
  tip: { id: string; urgency: string },
  purpose: Purpose,
  body: string | null,
): OutgoingSms[] {
  return members.map((member) => ({
    tipId: tip.id,
    purpose,
    recipient: { responder: member.key },
    phone: member.phone,
    body,
    urgent: tip.urgency === 'urgent',
    coalesce: purpose === 'update' ? { key: `update:${tip.id}:${member.key}`, count: 1 } : undefined,
  }));
}

/** An alert about the line itself, to every member of the alert group: urgent, so it goes even past the hourly limit. */
export function alertsFor(members: Responder[], text: string, tipId: string | null = null): OutgoingSms[] {
  return members.map((member) => ({ tipId, purpose: 'alert', recipient: { responder: member.key }, phone: member.phone, body: text, urgent: true }));
}
