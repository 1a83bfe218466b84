import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { REF_ALPHABET } from '../../intake/tip-ref.ts';

/**
 * A web report's receipt: a short lookup id, which finds the report, and a secret of 16 digits,
 * which opens it. The reporter gets both once, on the page that confirms their report; the store
 * keeps only a slow hash of the secret, so a copy of the database cannot open a report.
 */
export interface Receipt {
  lookup: string;
  secret: string;
}

// The tip references' letters and digits, without 0/O or 1/I/L: copied by hand from a screen or paper.
const LOOKUP_ALPHABET = REF_ALPHABET;
const LOOKUP_LENGTH = 8;
const SECRET_DIGITS = 16;

export function newReceipt(): Receipt {
  const lookup = Array.from({ length: LOOKUP_LENGTH }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');
  const secret = Array.from({ length: SECRET_DIGITS }, () => randomInt(10)).join('');
  return { lookup, secret };
}

/** As the reporter reads it: K7Q2-MX4P. */
export function formatLookup(lookup: string): string {
  return `${lookup.slice(0, 4)}-${lookup.slice(4)}`;
}

/** As the reporter reads it: 4821 0937 5561 2048. */
export function formatSecret(secret: string): string {
  return secret.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The first code point of each block of decimal digits a reader of our languages may type. */
const digitZeros = [0x30, 0x660, 0x6f0, 0xe50, 0x17e0, 0xff10];

/** Digits typed in Arabic, Thai or Khmer script (or full width) count as the same digits. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = digitZeros.find((z) => code >= z && code < z + 10);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** Cyrillic capitals that look like the Latin ones a lookup id is written with (a Russian keyboard). */
const latinLookalikes: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X' };

/** A lookup id as typed (any case, with spaces or dashes), or undefined if it cannot be one. */
export function normalizeLookup(typed: string): string | undefined {
  const lookup = typed.toUpperCase().replace(/[\s\-–—.]/g, '').replace(/[АВЕКМНРСТУХ]/g, (c) => latinLookalikes[c]);
  return lookup.length === LOOKUP_LENGTH && [...lookup].every((c) => LOOKUP_ALPHABET.includes(c)) ? lookup : undefined;
}

/** A secret as typed (in any script's digits, with spaces), or undefined if it cannot be one. */
export function normalizeSecret(typed: string): string | undefined {
  const secret = asciiDigits(typed).replace(/[\s\-–—.]/g, '');
  return /^\d{16}$/.test(secret) ? secret : undefined;
}

/**
 * scrypt with the parameters OWASP's Password Storage Cheat Sheet recommends (N = 2^17, r = 8,
 * p = 1: 128 MiB and a fraction of a second per hash). They are stored with each hash, so they can
 * be raised later without making older receipts unreadable.
 */
const PARAMETERS = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, { log2N, r, p }: typeof PARAMETERS): Promise<Buffer> {
  const N = 2 ** log2N;
  // Node refuses more than 32 MiB by default; allow what these parameters need, and a little more.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** The stored form of a secret: scrypt$<log2 N>$<r>$<p>$<salt>$<hash>, salt and hash in base64. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, PARAMETERS);
  const { log2N, r, p } = PARAMETERS;
  return ['scrypt', log2N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether a secret is the one a stored hash was made from, compared in constant time. */
export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) throw new Error('not a hash made by hashSecret()');
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), { log2N: Number(log2N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
