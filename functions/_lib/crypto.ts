import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

// Node prepares a raw key anew on every call, which costs several times the encryption of a short
// text; a KeyObject is prepared once. Keys live as long as the tip line, so this cache stays small.
const prepared = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let object = prepared.get(key);
  if (!object) prepared.set(key, (object = createSecretKey(key)));
  return object;
}

/** Where a sealed value lives (table, column, row id): it opens only there. */
export interface Place {
  table: string;
  column: string;
  id: string;
}

/**
 * The keys values are sealed with: the current one seals, and every key a stored value may still
 * be sealed with (the current one, and older ones while a rotation re-seals) opens, by its id.
 */
export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

/** A key's id: the first 4 bytes of its SHA-256, in hex. It names the key in a sealed value without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function keyring(current: Buffer, older: Buffer[] = []): Keyring {
  const keys = [current, ...older].map((key) => Buffer.from(key));
  return { current: { id: keyIdOf(keys[0]), key: keys[0] }, byId: new Map(keys.map((key) => [keyIdOf(key), key])) };
}

const aad = (place: Place) => Buffer.from(`${place.table}.${place.column}.${place.id}`, 'utf8');
const base64 = (part: Buffer) => part.toString('base64');

/**
 * A reporter's phone number and message texts are stored only encrypted (AES-256-GCM, a fresh
 * 12-byte nonce each time), as "v2.<key id>.<nonce>.<tag>.<ciphertext>" (base64 parts), so a copy
 * of the database reveals nothing without the key. The value is bound to its place: as associated
 * data, the table, column and row id must match to open it, so a sealed value copied into another
 * row or column (a reporter's number into an SMS's text, say) does not open.
 */
export function seal(plain: string, keys: Keyring, place: Place): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject(keys.current.key), nonce).setAAD(aad(place));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v2', keys.current.id, base64(nonce), base64(cipher.getAuthTag()), base64(data)].join('.');
}

function open(key: Buffer, nonce: string, tag: string, data: string, place?: Place): string {
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), Buffer.from(nonce, 'base64'));
  if (place) decipher.setAAD(aad(place));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

export function unseal(sealed: string, keys: Keyring, place: Place): string {
  const [version, keyId, nonce, tag, data] = sealed.split('.');
  if (version !== 'v2' || data === undefined) throw new Error(`${place.table}.${place.column}: not a value sealed by seal()`);
  const key = keys.byId.get(keyId);
  if (!key) throw new Error(`${place.table}.${place.column}: sealed with key ${keyId}, which is not configured (TIP_ENCRYPTION_OLD_KEYS)`);
  return open(key, nonce, tag, data, place);
}

/** The id of the key a value is sealed with. */
export function sealedWith(sealed: string): string | undefined {
  return sealed.startsWith('v2.') ? sealed.split('.')[1] : undefined;
}

/**
 * Opens a value sealed before values were bound to their place ("v1.<nonce>.<tag>.<ciphertext>",
 * no key id): with whichever configured key opens it. Only the migrations that convert or re-seal
 * such values use it.
 */
export function unsealUnbound(sealed: string, keys: Keyring): string {
  const [version, nonce, tag, data] = sealed.split('.');
  if (version !== 'v1' || data === undefined) throw new Error('not a value sealed before version 2');
  for (const key of keys.byId.values()) {
    try {
      return open(key, nonce, tag, data);
    } catch {
      // Another key, perhaps.
    }
  }
  throw new Error('a value sealed before version 2 opens with none of the configured keys');
}

/**
 * A keyed pseudonym for a phone number (HMAC-SHA256): the same number always gives the same
 * pseudonym, so a conversation can be threaded, but without the key nobody can tell which number
 * it is, not even by trying every number in a country.
 */
export function pseudonymFor(phoneNumber: string, key: Buffer): string {
  return createHmac('sha256', keyObject(key)).update(phoneNumber.replace(/[^\d+]/g, '')).digest('hex');
}

/**
 * How the store names a responder: a keyed pseudonym of their number, distinct from the one the
 * same number would have as a reporter, so the store holds no responder's number either.
 */
export function responderKey(phoneNumber: string, key: Buffer): string {
  return createHmac('sha256', keyObject(key)).update(`responder:${phoneNumber.replace(/[^\d+]/g, '')}`).digest('hex');
}

/**
 * A keyed hash of a provider's id for a message (Twilio's MessageSid): enough to know a message was
 * taken in already, long after the message itself is erased, without keeping the id Twilio could
 * look the message up by.
 */
export function providerIdHash(id: string, key: Buffer): string {
  return createHmac('sha256', keyObject(key)).update(`provider-id:${id}`).digest('hex');
}

/**
 * A web reporter's pseudonym, from their receipt's lookup id: it threads what they add to their
 * report, and is distinct from every phone number's.
 */
export function receiptPseudonym(lookup: string, key: Buffer): string {
  return createHmac('sha256', keyObject(key)).update(`web:${lookup}`).digest('hex');
}

/**
 * The pseudonym of a caller who withheld their number, from the call's id: their message is a
 * conversation of its own, which nothing else joins.
 */
export function withheldCallerPseudonym(callSid: string, key: Buffer): string {
  return createHmac('sha256', keyObject(key)).update(`withheld:${callSid}`).digest('hex');
}
