import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTipline, type Tipline } from '../../functions/_lib/tipline';
import { hashPin } from '../../functions/_lib/pins';
import { setPinHash } from '../../functions/_lib/store/responder-access';
import { twilioSignature } from '../../functions/_lib/channels/twilio-signature';

export const PUBLIC_BASE_URL = 'https://tips.example.org';
export const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
export const ACCOUNT_SID = `AC${'0'.repeat(32)}`;

/**
 * The databases every tip-line test runs against: the embedded PGlite, and a PostgreSQL server
 * when TEST_DATABASE_URL names one (.ci/run starts Debian's postgresql and sets it; in CI it must).
 */
export const databases: { name: string; url?: string }[] = [{ name: 'PGlite' }];
if (process.env.TEST_DATABASE_URL) databases.push({ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL });
else if (process.env.CI) throw new Error('CI must set TEST_DATABASE_URL so the tip line is tested against PostgreSQL too');

/** A new, empty database on the test server, so test files never share one. */
export async function emptyDatabase(serverUrl: string): Promise<string> {
  const name = `tipline_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** A fresh tip line on an empty store. */
export async function freshTipline(database: { url?: string }, env: Record<string, string> = {}): Promise<Tipline> {
  const databaseUrl = database.url ? await emptyDatabase(database.url) : undefined;
  return startTipline({
    TIPLINE_MODE: 'local',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'tipline-')),
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    PUBLIC_BASE_URL,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
}

let counter = 0;
/** A unique MessageSid, as Twilio makes them. */
export function messageSid(): string {
  counter += 1;
  return `SM${counter.toString(16).padStart(32, '0')}`;
}

/** A webhook request as Twilio sends it, signed with `token` over the public URL. */
export function twilioRequest(params: Record<string, string>, options: { token?: string; path?: string; signature?: string | null } = {}): Request {
  const path = options.path ?? '/api/sms';
  const body = new URLSearchParams(params).toString();
  const signature = options.signature === undefined ? twilioSignature(options.token ?? AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature) headers['X-Twilio-Signature'] = signature;
  // The local server answers on 127.0.0.1; Twilio signed the public URL.
  return new Request(`http://127.0.0.1:4321${path}`, { method: 'POST', headers, body });
}

/** The text of the TwiML <Message> a webhook answered with, as the phone shows it, or null for no reply. */
export async function replyIn(response: Response): Promise<string | null> {
  const message = /<Message>([\s\S]*)<\/Message>/.exec(await response.text())?.[1];
  if (message === undefined) return null;
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
  return message.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity]);
}

export function sms(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MessageSid: messageSid(), AccountSid: ACCOUNT_SID, From: from, To: '+85523900100', Body: body, ...extra };
}

/** The PIN every responder of a test line is given by givePins. */
export const PIN = '246810';
let pinHash: Promise<string> | undefined;

/** Gives every responder in the line's directory the test PIN (hashed once: a slow hash is slow). */
export async function givePins(line: Tipline): Promise<void> {
  pinHash ??= hashPin(PIN);
  for (const responder of line.responders.byKey.values()) await setPinHash(line.db, responder.key, await pinHash);
}
