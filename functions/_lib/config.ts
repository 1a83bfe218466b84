import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../src/utils/content-errors.ts';

/**
 * A 32-byte key, given as strict base64 (generate one with `openssl rand -base64 32`): exactly 44
 * characters, so a truncated or mistyped key is refused rather than read as another, and never
 * all zeros (a placeholder left in a template).
 */
const key = z
  .string()
  .regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'a 32-byte key in base64, 44 characters (openssl rand -base64 32)')
  .refine((v) => Buffer.from(v, 'base64').some((byte) => byte !== 0), 'a real key, not all zeros (openssl rand -base64 32)');

/**
 * The tip line's settings, read from the environment (see .env.example, which documents each).
 * In production every secret must be given; in local mode (the default) the missing ones are made
 * up once and kept in DATA_DIR, so `npm start` works with no set-up and no Twilio account.
 */
export const tiplineEnvSchema = z.object({
  TIPLINE_MODE: z.enum(['local', 'production']).default('local'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/, 'a Twilio Account SID: AC followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().regex(/^[0-9a-f]{32}$/, 'a Twilio auth token: 32 hex digits').optional(),
  PUBLIC_BASE_URL: z.url({ message: 'the public https origin Twilio calls, e.g. https://tips.example.org' }).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  TIP_ENCRYPTION_KEY: key.optional(),
  /** Keys values were sealed with before a rotation, comma-separated: they open, never seal (see README). */
  TIP_ENCRYPTION_OLD_KEYS: z.string().transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean)).pipe(z.array(key)).default([]),
  PSEUDONYM_KEY: key.optional(),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  AUTO_REPLY: z.enum(['on', 'off']).default('on'),
  /** The country of the line's own number (ISO code), used when Twilio does not say where a sender is. */
  LINE_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH').optional(),
  /** The line's own number, which sends every outgoing SMS (E.164). */
  TWILIO_PHONE_NUMBER: z.string().regex(/^\+[0-9]{6,15}$/, 'a phone number in E.164 form, e.g. +85523900100').optional(),
  /** Another base URL for Twilio's REST API: only for tests against a fake API on loopback. */
  TWILIO_API_BASE_URL: z.url().optional(),
  /** The responder directory (YAML, see config/responders.example.yaml). */
  RESPONDER_DIRECTORY: z.string().min(1).optional(),
  /** Largest webhook body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(16 * 1024),
  /** After an automatic reply, the next one to the same reporter waits at least this long. */
  REPLY_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(10),
  /** "We have your messages" goes to one reporter at most this often. */
  FOLLOW_UP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  /** New messages on a tip its responders were told of are gathered this long into one notification. */
  NOTIFY_COALESCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** Reminders to the last group of a tip's chain before the tip is marked unanswered. */
  ESCALATION_REMINDERS: z.coerce.number().int().min(0).max(100).default(2),
  /** Outgoing SMS per clock hour, replies included; past it only urgent tips' notifications go. */
  SMS_HOURLY_LIMIT: z.coerce.number().int().min(1).default(200),
  /** Days the keyed hashes of message ids are kept, so a replayed request cannot re-create an erased tip; longer than RETENTION_DAYS. */
  REPLAY_GUARD_DAYS: z.coerce.number().int().min(2).max(36500).default(730),
  /** Wrong responder PINs in a row before the responder is locked out (and the alert group told). */
  RESPONDER_PIN_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Minutes a right PIN lets a responder answer reporters without giving it again. */
  RESPONDER_SESSION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Seconds before a message is erased at Twilio (Twilio refuses to erase one it is still processing). */
  TWILIO_ERASE_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(120),
  /** Web reports (and additions to them) one client address may send per hour. */
  WEB_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Tries to open a web report with a receipt one client address may make per hour. */
  WEB_RECEIPT_TRIES_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Seconds the voice line rings the on-call responders before offering the caller a message. */
  VOICE_DIAL_SECONDS: z.coerce.number().int().min(5).max(120).default(25),
  /** Longest voice message, in seconds. */
  VOICE_MESSAGE_SECONDS: z.coerce.number().int().min(10).max(600).default(180),
});

export type TiplineEnv = z.output<typeof tiplineEnvSchema>;

/** The caps that keep a flood from costing a fortune or reaching a reporter's phone again and again. */
export interface Limits {
  replyIntervalMs: number;
  followUpIntervalMs: number;
  coalesceMs: number;
  escalationReminders: number;
  smsPerHour: number;
  pinAttempts: number;
  sessionMs: number;
}

/** Local mode's responder directory: made-up numbers, for trying the line out. */
export const EXAMPLE_RESPONDER_DIRECTORY = 'config/responders.example.yaml';

export interface TiplineConfig {
  mode: 'local' | 'production';
  twilio: { accountSid: string; authToken: string };
  publicBaseUrl: string;
  databaseUrl?: string;
  dataDir: string;
  /** The key that seals phone numbers and texts (TIP_ENCRYPTION_KEY), and those that open older values during a rotation. */
  encryptionKeys: { current: Buffer; older: Buffer[] };
  pseudonymKey: Buffer;
  retentionDays: number;
  replayGuardDays: number;
  eraseDelayMs: number;
  autoReply: boolean;
  lineCountry?: string;
  maxBodyBytes: number;
  limits: Limits;
  /** Where outgoing SMS go: Twilio when the line has an account and a number, else the log. */
  sms: { transport: 'twilio'; from: string; apiBaseUrl?: string } | { transport: 'log' };
  responderDirectory: string;
  /** The web report's limits per client address and hour. */
  web: { reportsPerHour: number; receiptTriesPerHour: number };
  voice: { dialSeconds: number; messageSeconds: number };
}

const requiredInProduction = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_PHONE_NUMBER', 'PUBLIC_BASE_URL', 'DATABASE_URL', 'TIP_ENCRYPTION_KEY', 'PSEUDONYM_KEY', 'RESPONDER_DIRECTORY'] as const;

/**
 * Whether the process runs where real reporters can reach it: a Netlify function (SITE_ID is set
 * at run time, NETLIFY at build time) or NODE_ENV=production. `netlify dev` and `netlify serve`
 * set NETLIFY_DEV: they are local.
 */
function onProductionHost(env: NodeJS.ProcessEnv): boolean {
  if (env.NETLIFY_DEV === 'true') return false;
  return env.NETLIFY === 'true' || !!env.SITE_ID || env.NODE_ENV === 'production';
}

/** What production refuses, beyond a missing setting: each a way to run with less protection than it seems. */
function productionRefusals(e: TiplineEnv): string[] {
  const refusals: string[] = [];
  if (e.PUBLIC_BASE_URL && !e.PUBLIC_BASE_URL.startsWith('https://')) refusals.push('PUBLIC_BASE_URL must be https:// (Twilio would send tips in clear)');
  if (e.TWILIO_API_BASE_URL) refusals.push('TWILIO_API_BASE_URL is for tests against a fake Twilio only');
  if (e.PSEUDONYM_KEY && [e.TIP_ENCRYPTION_KEY, ...e.TIP_ENCRYPTION_OLD_KEYS].includes(e.PSEUDONYM_KEY)) {
    refusals.push('PSEUDONYM_KEY must differ from TIP_ENCRYPTION_KEY (and TIP_ENCRYPTION_OLD_KEYS): one leaked key would give away both');
  }
  return refusals;
}

/** Local development secrets, made once per checkout and never committed (.data/ is ignored). */
function localSecrets(dataDir: string) {
  const file = join(dataDir, 'local-secrets.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const secrets = {
      // A development token: local mode signs and checks requests exactly as Twilio would.
      authToken: randomBytes(16).toString('hex'),
      encryptionKey: randomBytes(32).toString('base64'),
      pseudonymKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2));
    chmodSync(file, 0o600);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as { authToken: string; encryptionKey: string; pseudonymKey: string };
}

/** Reads and checks the configuration; a missing or malformed value throws an error naming it. */
export function loadTiplineConfig(env: NodeJS.ProcessEnv = process.env, port = 4321): TiplineConfig {
  const parsed = tiplineEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`The tip line's configuration is not valid:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.REPLAY_GUARD_DAYS <= e.RETENTION_DAYS) {
    throw new Error(`REPLAY_GUARD_DAYS (${e.REPLAY_GUARD_DAYS}) must be longer than RETENTION_DAYS (${e.RETENTION_DAYS}): a request replayed after a tip is erased would re-create it`);
  }
  if (e.TIPLINE_MODE === 'production') {
    const missing = requiredInProduction.filter((name) => !e[name]);
    if (missing.length) {
      throw new Error(`TIPLINE_MODE=production needs these settings: ${missing.join(', ')} (see .env.example)`);
    }
    const refusals = productionRefusals(e);
    if (refusals.length) throw new Error(`TIPLINE_MODE=production refuses to start:\n  ${refusals.join('\n  ')}`);
  } else if (onProductionHost(env)) {
    // Local mode makes up its own secrets: never where real reporters can reach the line.
    throw new Error('This is a production host (Netlify, or NODE_ENV=production) but TIPLINE_MODE is not production: refusing to start with made-up local secrets. Set TIPLINE_MODE=production and the settings in .env.example.');
  }
  const local = e.TIPLINE_MODE === 'local' ? localSecrets(e.DATA_DIR) : undefined;
  return {
    mode: e.TIPLINE_MODE,
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(32)}`,
      authToken: e.TWILIO_AUTH_TOKEN ?? local!.authToken,
    },
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    encryptionKeys: {
      current: Buffer.from(e.TIP_ENCRYPTION_KEY ?? local!.encryptionKey, 'base64'),
      older: e.TIP_ENCRYPTION_OLD_KEYS.map((k) => Buffer.from(k, 'base64')),
    },
    pseudonymKey: Buffer.from(e.PSEUDONYM_KEY ?? local!.pseudonymKey, 'base64'),
    retentionDays: e.RETENTION_DAYS,
    replayGuardDays: e.REPLAY_GUARD_DAYS,
    eraseDelayMs: e.TWILIO_ERASE_DELAY_SECONDS * 1000,
    autoReply: e.AUTO_REPLY === 'on',
    lineCountry: e.LINE_COUNTRY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    limits: {
      replyIntervalMs: e.REPLY_INTERVAL_MINUTES * 60_000,
      followUpIntervalMs: e.FOLLOW_UP_INTERVAL_MINUTES * 60_000,
      coalesceMs: e.NOTIFY_COALESCE_SECONDS * 1000,
      escalationReminders: e.ESCALATION_REMINDERS,
      smsPerHour: e.SMS_HOURLY_LIMIT,
      pinAttempts: e.RESPONDER_PIN_ATTEMPTS,
      sessionMs: e.RESPONDER_SESSION_MINUTES * 60_000,
    },
    sms:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_PHONE_NUMBER
        ? { transport: 'twilio', from: e.TWILIO_PHONE_NUMBER, apiBaseUrl: e.TWILIO_API_BASE_URL }
        : { transport: 'log' },
    responderDirectory: e.RESPONDER_DIRECTORY ?? EXAMPLE_RESPONDER_DIRECTORY,
    web: { reportsPerHour: e.WEB_REPORTS_PER_HOUR, receiptTriesPerHour: e.WEB_RECEIPT_TRIES_PER_HOUR },
    voice: { dialSeconds: e.VOICE_DIAL_SECONDS, messageSeconds: e.VOICE_MESSAGE_SECONDS },
  };
}
