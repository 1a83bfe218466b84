import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../functions/_lib/channels/twilio-signature';
import { ACCOUNT_SID, AUTH_TOKEN, emptyDatabase, replyIn, sms } from './tipline-support';
import { freePort } from '../../server/free-port';

/**
 * The production shape: the built site and the functions as Netlify bundles them (esbuild, through
 * netlify-cli's own build) and serves them (`netlify serve`), offline. Only the build command is
 * left out: `npm test` has built dist/ already, and the production build needs a public SITE_URL
 * and verified hotlines. Edge functions are off: the site has none, and their runtime (Deno) is
 * downloaded from the network. Production keeps tips in PostgreSQL, so this test needs
 * TEST_DATABASE_URL (.ci/run sets it).
 */
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('the site and the functions as Netlify serves them', () => {
  let netlify: ChildProcess;
  let stage: string;
  let origin: string;
  let databaseUrl: string;
  let output = '';

  beforeAll(async () => {
    if (!existsSync('dist/_headers')) throw new Error('Run `npm run build` before these tests.');
    // A checkout as Netlify would have it, with the build command replaced by nothing to do.
    stage = mkdtempSync(join(tmpdir(), 'netlify-serve-'));
    // The bundler refuses code from outside the project: the sources are copied, the installed packages and the built site linked.
    for (const dir of ['functions', 'server', 'src', 'content', 'config']) cpSync(dir, join(stage, dir), { recursive: true });
    for (const dir of ['node_modules', 'dist']) symlinkSync(resolve(dir), join(stage, dir));
    copyFileSync('package.json', join(stage, 'package.json'));
    writeFileSync(join(stage, '.gitignore'), '.netlify/\n');
    writeFileSync(join(stage, 'netlify.toml'), readFileSync('netlify.toml', 'utf8').replace(/^(\s*command = ).*$/m, '$1"true"'));
    databaseUrl = await emptyDatabase(serverUrl!);
    const port = await freePort();
    origin = `http://localhost:${port}`;
    netlify = spawn(resolve('node_modules/.bin/netlify'), ['serve', '--offline', '--port', String(port), '--internal-disable-edge-functions'], {
      cwd: stage,
      detached: true,
      env: {
        ...process.env,
        PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}`,
        BROWSER: 'none',
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(stage, '.data'),
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        PUBLIC_BASE_URL: origin,
      },
    });
    netlify.stdout!.on('data', (chunk) => (output += chunk));
    netlify.stderr!.on('data', (chunk) => (output += chunk));
    // Bundling and starting take a minute or two on a busy machine: ask every second, for 4 minutes at most.
    for (let attempt = 0; attempt < 240; attempt++) {
      if (netlify.exitCode !== null) throw new Error(`netlify serve stopped:\n${output}`);
      const ready = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
      if (ready) return;
      await new Promise((done) => setTimeout(done, 1000));
    }
    throw new Error(`netlify serve did not answer within 4 minutes:\n${output}`);
  }, 300_000);

  afterAll(async () => {
    if (netlify?.pid && netlify.exitCode === null) {
      process.kill(-netlify.pid, 'SIGTERM');
      await new Promise((done) => netlify.once('exit', done));
    }
    if (stage) rmSync(stage, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (response: Response, what: string) => {
    expect(response.headers.get('Content-Security-Policy'), what).toMatch(/^default-src 'none'/);
    expect(response.headers.get('Strict-Transport-Security'), what).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('X-Content-Type-Options'), what).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy'), what).toBe('no-referrer');
  };

  it('bundles every function, with its path or schedule', () => {
    const manifest = JSON.parse(readFileSync(join(stage, '.netlify/functions/manifest.json'), 'utf8')) as {
      functions: { name: string; schedule?: string; routes?: { literal: string }[] }[];
    };
    const shapes = Object.fromEntries(manifest.functions.map((f) => [f.name, f.schedule ?? f.routes?.map((r) => r.literal).join()]));
    expect(shapes).toEqual({
      'auth-callback': '/api/auth/callback', auth: '/api/auth', health: '/api/health', scheduled: '* * * * *', sms: '/api/sms',
      tips: '/api/tips,/api/tips/open,/api/tips/add,/api/tips/delete',
      voice: '/api/voice,/api/voice/language,/api/voice/screen,/api/voice/accept,/api/voice/dialed,/api/voice/choice,/api/voice/recorded,/api/voice/recording',
    });
  });

  it('serves pages with the site\'s headers', async () => {
    const page = await fetch(`${origin}/km/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="km"');
    expectSecurityHeaders(page, '/km/');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  });

  it('answers a signed SMS with its reply, and refuses an unsigned one, with the functions\' headers', async () => {
    const params = sms('+85512345678', 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ', { FromCountry: 'KH' });
    const signature = twilioSignature(AUTH_TOKEN, `${origin}/api/sms`, params);
    const answer = await fetch(`${origin}/api/sms`, {
      method: 'POST', body: new URLSearchParams(params), headers: { 'X-Twilio-Signature': signature },
    });
    expect(answer.status).toBe(200);
    expectSecurityHeaders(answer, '/api/sms');
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    // Cambodia's checked help line, read from content/hotlines/ by the bundled function.
    expect(await replyIn(answer)).toContain('1280');

    const forged = await fetch(`${origin}/api/sms`, { method: 'POST', body: new URLSearchParams(params) });
    expect(forged.status).toBe(403);
    expectSecurityHeaders(forged, '/api/sms refused');
  });

  it('answers a signed call with its menu, each language in its own words, and refuses an unsigned one', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}`, AccountSid: ACCOUNT_SID, From: '+85512345678', To: '+85523900100', FromCountry: 'KH' };
    const call = await fetch(`${origin}/api/voice`, {
      method: 'POST', body: new URLSearchParams(params), headers: { 'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, `${origin}/api/voice`, params) },
    });
    const twiml = await call.text();
    expect(call.status, twiml).toBe(200);
    expectSecurityHeaders(call, '/api/voice');
    expect(twiml).toContain(`<Gather numDigits="1" timeout="5" action="${origin}/api/voice/language"`);
    expect(twiml).toContain('Pour le français, tapez 2.');
    const forged = await fetch(`${origin}/api/voice`, { method: 'POST', body: new URLSearchParams(params) });
    expect(forged.status, await forged.clone().text()).toBe(403);
    expectSecurityHeaders(forged, '/api/voice refused');
  });

  it('takes a web report and answers with its receipt page, in the reader\'s language', async () => {
    const answer = await fetch(`${origin}/api/tips`, {
      method: 'POST', body: new URLSearchParams({ lang: 'km', what: 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ', country: 'KH', website: '' }),
    });
    const page = await answer.text();
    expect(answer.status, page).toBe(200);
    expect(page).toMatch(/<html lang="km"/);
    expectSecurityHeaders(answer, '/api/tips');
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
  });

  it('runs the scheduled function, which sends what the SMS queued', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const waiting = async () => Number((await client.query('select count(*) from outbox where sent_at is null')).rows[0].count);
      expect(await waiting()).toBeGreaterThan(0);
      const run = await fetch(`${origin}/.netlify/functions/scheduled`, { method: 'POST' });
      expect(run.status, output).toBe(200);
      // Erasures at Twilio wait their delay; every notification has gone, through the log transport here.
      const { rows } = await client.query("select count(*) filter (where sent_at is null) as waiting, count(*) as all from outbox where purpose = 'notify'");
      expect(Number(rows[0].all)).toBeGreaterThan(0);
      expect(Number(rows[0].waiting)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
