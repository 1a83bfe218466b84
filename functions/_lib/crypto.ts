import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

// Node prepares a raw key anew on every call, which costs several times the encryption of a short
// text; a KeyObject is prepared once. Keys live as long as the tip line, so this cache stays small.
const prepared = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let object = prepared.get(key);
  if (!object) prepared.set(key, (object = createSecretKey(key)));
  return object;
}

/**
 * A reporter's phone number and message texts are stored only encrypted (AES-256-GCM, a fresh
 * 12-byte nonce each time), as "v1.<nonce>.<tag>.<ciphertext>" in base64, so a copy of the
 * database reveals nothing without the key.
 */
export function encrypt(plain: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), nonce);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join('.');
}

export function decrypt(sealed: string, key: Buffer): string {
  const [version, nonce, tag, data] = sealed.split('.');
  if (version !== 'v1' || !data) throw new Error('not a value sealed by encrypt()');
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), Buffer.from(nonce, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
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
