import { createHash, timingSafeEqual } from 'node:crypto';
import { readQueued } from '../functions/_lib/outbox/delivery.ts';
import type { Tipline } from '../functions/_lib/tipline.ts';

/** Compares a given secret with the right one in a time that tells nothing of how much of it matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Local mode only (the local server mounts it at GET /api/dev/outbox): what the log transport
 * "sent" since a time, so `npm run sms` can show staff in training what responders received.
 * Recipients are named, never numbered; the development token is required. `pending` counts
 * messages not yet sent (the SMS benchmark waits for it to reach 0).
 */
export async function devOutbox(request: Request, line: Tipline): Promise<Response> {
  if (line.config.mode !== 'local' || line.config.sms.transport !== 'log') return new Response('Not found', { status: 404 });
  if (!sameSecret(request.headers.get('authorization') ?? '', `Bearer ${line.config.twilio.authToken}`)) {
    return new Response('Forbidden: give the local development token', { status: 403 });
  }
  const since = new Date(new URL(request.url).searchParams.get('since') ?? 0);
  const rows = await line.db.selectFrom('outbox').select(['id', 'sent_at'])
    .where('transport', '=', 'log').where('sent_at', '>=', since).orderBy('sent_at').orderBy('seq').execute();
  const sentAt = new Map(rows.map((row) => [row.id, row.sent_at]));
  const messages = (await readQueued(line, rows.map((row) => row.id)))
    .filter((m) => 'body' in m)
    .map((m) => ({ to: m.recipientName, purpose: m.purpose, body: m.body, sentAt: sentAt.get(m.id) }))
    .sort((a, b) => a.sentAt!.getTime() - b.sentAt!.getTime());
  const pending = await line.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  return Response.json({ messages, pending: Number(pending.n) });
}
