import { groupById, type Directory } from './directory.ts';
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

/** One line a responder can act on: reference, urgency, country, language and a short summary. */
export function notificationText(tip: TipFacts, summary: string, note = 'New tip'): string {
  const short = summary.replace(/\s+/g, ' ').trim();
  const clipped = short.length > 90 ? `${short.slice(0, 89)}…` : short;
  const kinds = tip.categories ? ` (${tip.categories})` : '';
  return `${note} ${tip.ref} · ${tip.urgency.toUpperCase()}${kinds} · ${tip.country ?? '??'} · ${tip.locale}: "${clipped}" Reply ACK ${tip.ref} to take it, #${tip.ref} <message> to answer.`;
}

/** A message to every member of a group, to queue. Never includes the reporter's number. */
export function notificationsFor(directory: Directory, groupId: string, tipId: string, purpose: Purpose, body: string): OutgoingSms[] {
  return groupById(directory, groupId).members.map((member) => ({ tipId, purpose, to: member.phone, body }));
}
