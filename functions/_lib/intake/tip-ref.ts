import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: a responder reads the reference aloud or types it from a small screen.
export const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A tip's short reference, e.g. "K7Q2MX": what responders and the relay name a tip by. */
export function newTipRef(): string {
  return Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('');
}
