import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twilioSignature } from '../../functions/_lib/channels/twilio-signature.ts';
import { test as site } from './fixtures';

const AUTH_TOKEN = 'fedcba9876543210fedcba9876543210';
const PUBLIC_BASE_URL = 'https://tips.example.org';
/** The international duty desk's officer in the example directory (config/responders.example.yaml). */
export const DUTY_OFFICER = '+15005550006';

/**
 * The real local server (`npm run serve`: dist/ and the tip line on one port) on a free port, with
 * a store of its own, for tests that send reports and answer them as a responder would.
 */
export async function startTiplineServer(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-e2e-'));
  const serverEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, ...env };
  // The duty officer's PIN, made as staff make one (before the server holds the store).
  const made = execFileSync(process.execPath, ['scripts/responders.ts', 'pin', DUTY_OFFICER], { env: serverEnv, encoding: 'utf8' });
  const dutyOfficerPin = /New PIN for .*?: (\d+)/.exec(made)?.[1];
  if (!dutyOfficerPin) throw new Error(`no PIN made for the duty officer:\n${made}`);
  const child = spawn(process.execPath, ['server/start.ts'], { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    // PGlite starts in seconds, or in minutes on a machine busy with other builds.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the local server did not start:\n${output}`));
    }, 240_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const address = /Site and \/api on (http:\/\/[\d.:]+)\//.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the local server stopped (${code}):\n${output}`)));
  });

  return {
    url,
    dutyOfficerPin,
    /** What the log transport "sent" (local mode's /api/dev/outbox). */
    async sent(): Promise<{ to: string; purpose: string; body: string }[]> {
      const response = await fetch(`${url}/api/dev/outbox`, { headers: { Authorization: `Bearer ${AUTH_TOKEN}` } });
      return ((await response.json()) as { messages: { to: string; purpose: string; body: string }[] }).messages;
    },
    /** A text to the line, signed as Twilio signs it; returns the line's TwiML answer. */
    async text(from: string, body: string): Promise<string> {
      const params = { MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`, AccountSid: `AC${'0'.repeat(32)}`, From: from, To: '+85523900100', Body: body };
      const response = await fetch(`${url}/api/sms`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/api/sms`, params) },
        body: new URLSearchParams(params),
      });
      return response.text();
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TiplineServer = Awaited<ReturnType<typeof startTiplineServer>>;

/**
 * Tests whose pages come from a local server with a tip line of its own: one per worker and
 * settings (`test.use({ tiplineEnv })` at the top of a file gives it other settings).
 */
export const test = site.extend<{}, { tiplineEnv: Record<string, string>; tipline: TiplineServer }>({
  tiplineEnv: [{ WEB_RECEIPT_TRIES_PER_HOUR: '200', WEB_REPORTS_PER_HOUR: '200' }, { scope: 'worker', option: true }],
  tipline: [async ({ tiplineEnv }, use) => {
    const server = await startTiplineServer(tiplineEnv);
    await use(server);
    await server.stop();
  }, { scope: 'worker', timeout: 300_000 }],
  baseURL: async ({ tipline }, use) => use(tipline.url),
});

/** A language's UI strings as the site prints them: its own, English for what it lacks. */
export function uiStrings(lang: string): Record<string, string> {
  return { ...JSON.parse(readFileSync('content/ui/en.json', 'utf8')), ...JSON.parse(readFileSync(`content/ui/${lang}.json`, 'utf8')) };
}
