import { createHmac } from 'node:crypto';
import { countRequest } from '../../store/web-reports.ts';
import type { Db } from '../../store/schema.ts';

const HOUR = 3_600_000;

/** Requests are counted per clock hour. */
export function windowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}

/**
 * What a rate limit counts a client by: a keyed hash of their address, under a key that is made
 * anew each day from the line's pseudonym key. The address itself is never stored; the count
 * is removed once its hour has passed, and a hash from one day cannot be matched with the next.
 */
export function clientKey(address: string, purpose: string, key: Buffer, now: Date): string {
  const dayKey = createHmac('sha256', key).update(`client-address:${now.toISOString().slice(0, 10)}`).digest();
  return createHmac('sha256', dayKey).update(`${purpose}:${address}`).digest('base64url');
}

/**
 * Counts one request of this kind from this client, and says whether it is within `perHour`. A
 * client whose address is unknown shares one count with every other such client.
 */
export async function withinLimit(
  db: Db,
  key: Buffer,
  request: { address: string | undefined; purpose: 'report' | 'receipt'; perHour: number; now: Date },
): Promise<boolean> {
  const hits = await countRequest(db, clientKey(request.address ?? 'unknown', request.purpose, key, request.now), windowStart(request.now));
  return hits <= request.perHour;
}
