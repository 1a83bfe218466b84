/**
 * npm run bench:sms — starts the local server (PGlite in a fresh folder, log transport), sends
 * signed SMS webhooks from 50 concurrent clients for 30 seconds, and prints requests per second,
 * p50 and p99 latency. Then it checks that nothing was lost: every accepted message is stored
 * exactly once, and every notification it caused was sent.
 * The first 5 seconds, at the same load, warm the server up (the JIT compiles its hot paths) and
 * are left out of the figures, not out of the check.
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_CONCURRENCY change the defaults;
 * BENCH_DATABASE_URL measures against a PostgreSQL server (an empty database) instead. Goal on
 * 2 cores with PGlite: p99 < 100 ms, ≥ 300 req/s.
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twilioSignature } from '../functions/_lib/channels/twilio-signature.ts';
import { ensureBuilt, openStoreForCounts, percentile, startLocalServer } from './bench-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const databaseUrl = process.env.BENCH_DATABASE_URL;

ensureBuilt();
const { base, dataDir, server } = await startLocalServer({
  name: 'bench-sms',
  databaseUrl,
  env: {
    // The load is far past any real hourly limit, and everything queued is counted before the
    // end: no limit, updates gathered and erasures at Twilio delayed for 1 s only.
    SMS_HOURLY_LIMIT: '100000000',
    NOTIFY_COALESCE_SECONDS: '1',
    TWILIO_ERASE_DELAY_SECONDS: '1',
  },
});

const token = JSON.parse(readFileSync(join(dataDir, 'local-secrets.json'), 'utf8')).authToken;
const bodies = ['My boss keeps my passport and I cannot leave', 'ខ្ញុំត្រូវការជំនួយ ថៅកែមិនឲ្យខ្ញុំចេញ', 'นายจ้างยึดพาสปอร์ตของฉัน', 'Tôi bị giữ hộ chiếu'];
const countries = ['GB', 'KH', 'TH', 'VN'];
const latencies: number[] = [];
const accepted = new Set<string>();
let failures = 0;
let sequence = 0;
let warmupRequests = 0;
const measureFrom = performance.now() + warmupSeconds * 1000;
const deadline = measureFrom + seconds * 1000;

// node:http with kept-alive connections: a lighter load generator than fetch, so that more of the
// machine's two cores measure the server rather than the client.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function post(path: string, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), 'X-Twilio-Signature': signature },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function client(id: number) {
  while (performance.now() < deadline) {
    sequence += 1;
    const n = sequence;
    const params = {
      MessageSid: `SM${n.toString(16).padStart(32, '0')}`,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: `+8551${String(id * 100 + (n % 100)).padStart(7, '0')}`,
      To: '+85523900100',
      Body: bodies[n % bodies.length],
      FromCountry: countries[n % countries.length],
    };
    const body = new URLSearchParams(params).toString();
    const signature = twilioSignature(token, `${base}/api/sms`, params);
    const started = performance.now();
    const status = await post('/api/sms', body, signature);
    if (started >= measureFrom) latencies.push(performance.now() - started);
    else warmupRequests += 1;
    if (status === 200) accepted.add(params.MessageSid);
    else failures += 1;
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
const elapsed = (performance.now() - measureFrom) / 1000;

// Wait for the outbox to empty, then stop the server and count what the store holds.
let pending = Infinity;
for (let i = 0; i < 120 && pending > 0; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const state = await (await fetch(`${base}/api/dev/outbox?since=${new Date().toISOString()}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  pending = state.pending;
}
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));

const store = await openStoreForCounts(databaseUrl, dataDir);
const { count } = store;
const stored = await count(`select count(*) as n from messages where direction = 'in'`);
const distinct = await count(`select count(distinct provider_id_hash) as n from messages where direction = 'in'`);
const unsent = await count(`select count(*) as n from outbox where sent_at is null`);
const notifications = await count(`select count(*) as n from outbox where purpose in ('notify', 'update', 'escalate')`);
await store.close();

latencies.sort((a, b) => a - b);
console.table({
  'warm-up requests (not in the figures)': warmupRequests,
  'signed requests': latencies.length,
  'requests per second': Math.round(latencies.length / elapsed),
  'p50 latency (ms)': Number(percentile(latencies, 50).toFixed(1)),
  'p99 latency (ms)': Number(percentile(latencies, 99).toFixed(1)),
  'failed requests': failures,
  'accepted messages': accepted.size,
  'stored messages': stored,
  'stored exactly once': stored === accepted.size && distinct === stored ? 'yes' : 'NO',
  'notifications queued': notifications,
  'notifications not sent': unsent,
});
console.log(
  `${concurrency} concurrent clients for ${seconds} s, after ${warmupSeconds} s of warm-up, against ${databaseUrl ? 'a PostgreSQL server' : 'PGlite'}; ` +
    'goal with PGlite: p99 < 100 ms, ≥ 300 requests per second, nothing lost.',
);
if (stored !== accepted.size || distinct !== stored || unsent > 0 || failures > 0) process.exitCode = 1;
