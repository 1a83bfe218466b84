import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../store/schema.ts';
import { recordingsOfTip } from '../store/voice-calls.ts';

/**
 * Links to hear a voice message: /api/voice/recording?t=<token>, the token naming the recording and
 * the time the link stops working, signed with a key derived from the line's pseudonym key (which,
 * unlike the encryption key, is never rotated). A responder gets one by texting `LISTEN <ref>`
 * with their PIN from their own number; it works for an hour.
 */
export const LINK_MINUTES = 60;

const linkKeys = new WeakMap<Buffer, Buffer>();
function linkKey(pseudonymKey: Buffer): Buffer {
  let derived = linkKeys.get(pseudonymKey);
  if (!derived) linkKeys.set(pseudonymKey, (derived = Buffer.from(hkdfSync('sha256', pseudonymKey, Buffer.alloc(0), 'recording-links', 32))));
  return derived;
}

const signature = (payload: string, pseudonymKey: Buffer) => createHmac('sha256', linkKey(pseudonymKey)).update(payload).digest('base64url');

/** A link to one recording, good until `now` plus LINK_MINUTES. */
export function recordingLink(publicBaseUrl: string, recordingId: string, pseudonymKey: Buffer, now = new Date()): string {
  const payload = `${recordingId}.${Math.floor(now.getTime() / 1000) + LINK_MINUTES * 60}`;
  return `${publicBaseUrl}/api/voice/recording?t=${payload}.${signature(payload, pseudonymKey)}`;
}

/** The recording a token names, if its signature is right and it has not expired. */
export function recordingOfToken(token: string, pseudonymKey: Buffer, now = new Date()): string | undefined {
  const [id, expires, signed] = token.split('.');
  if (!id || !expires || !signed) return undefined;
  const expected = Buffer.from(signature(`${id}.${expires}`, pseudonymKey));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Number(expires) * 1000 > now.getTime() ? id : undefined;
}

/**
 * A responder's `LISTEN <ref>`: a link to each voice message of the tip, newest first, or why there
 * is none. The links name the recordings, never their address at Twilio.
 */
export async function listenAnswer(
  db: Db | Transaction<Database>,
  line: { publicBaseUrl: string; pseudonymKey: Buffer },
  ref: string,
  now = new Date(),
): Promise<string> {
  const recordings = await recordingsOfTip(db, ref);
  if (!recordings.length) return `Tip ${ref} has no voice message.`;
  const links = recordings.map((r) => `${r.seconds} s: ${recordingLink(line.publicBaseUrl, r.id, line.pseudonymKey, now)}`);
  return `Voice message${links.length > 1 ? 's' : ''} of ${ref}, for ${LINK_MINUTES} minutes (keep the link to yourself): ${links.join(' ; ')}`;
}
