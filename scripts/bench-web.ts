/**
 * npm run bench:web — starts the local server (PGlite in a fresh folder) and measures the web
 * report's endpoint with its scrypt in the path: first new reports (POST /api/tips: a receipt
 * hashed, the report stored and routed), then reporters coming back (POST /api/tips/open: the
 * secret checked against its hash), each from 8 concurrent clients for 20 seconds after 3 of
 * warm-up. It prints requests per second and p50/p99 latency for each, then checks that every
 * report the line accepted is stored exactly once, with its receipt, and that every receipt opens.
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_CONCURRENCY change the defaults;
 * BENCH_DATABASE_URL measures against a PostgreSQL server (an empty database) instead.
 */
import { Agent, request } from 'node:http';
import { ensureBuilt, openStoreForCounts, percentile, startLocalServer } from './bench-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const databaseUrl = process.env.BENCH_DATABASE_URL;

ensureBuilt();
// Every request comes from 127.0.0.1: lift the per-address limits, which would otherwise hold
// the benchmark back after a few requests.
const { base, dataDir, server } = await startLocalServer({
  name: 'bench-web',
  databaseUrl,
  env: { WEB_REPORTS_PER_HOUR: '100000000', WEB_RECEIPT_TRIES_PER_HOUR: '100000000' },
});

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function post(path: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const reports: Record<string, string>[] = [
  { lang: 'en', what: 'My boss keeps my passport and locks the door at night', where: 'Fishing port', country: 'TH', danger: 'yes' },
  { lang: 'km', what: 'ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយមិនឲ្យខ្ញុំចេញ', country: 'KH', danger: 'unsure' },
  { lang: 'ar', what: 'صاحب العمل أخذ جواز سفري ولا يدفع لي', where: 'دبي', country: 'AE' },
  { lang: 'vi', what: 'Tôi bị giữ hộ chiếu và không được trả lương', country: 'VN', when: 'từ tháng Ba' },
];

interface Phase {
  latencies: number[];
  warmup: number;
  failures: number;
  elapsed: number;
}

/** Runs `one` from every client, over and over, for the warm-up and the measured time. */
async function measure(one: (n: number) => Promise<boolean>): Promise<Phase> {
  const phase: Phase = { latencies: [], warmup: 0, failures: 0, elapsed: 0 };
  const measureFrom = performance.now() + warmupSeconds * 1000;
  const deadline = measureFrom + seconds * 1000;
  let sequence = 0;
  async function client() {
    while (performance.now() < deadline) {
      const started = performance.now();
      const ok = await one(sequence++);
      if (started >= measureFrom) phase.latencies.push(performance.now() - started);
      else phase.warmup += 1;
      if (!ok) phase.failures += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  phase.elapsed = (performance.now() - measureFrom) / 1000;
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

const receipts: { lang: string; lookup: string; secret: string }[] = [];
const submitted = await measure(async (n) => {
  const report = reports[n % reports.length];
  const { status, body } = await post('/api/tips', report);
  const lookup = /data-receipt="lookup">([^<]+)</.exec(body)?.[1];
  const secret = /data-receipt="secret">([^<]+)</.exec(body)?.[1];
  if (status !== 200 || !lookup || !secret) return false;
  receipts.push({ lang: report.lang, lookup, secret });
  return true;
});

let opened = 0;
const reopened = await measure(async (n) => {
  const { status, body } = await post('/api/tips/open', receipts[n % receipts.length]);
  const ok = status === 200 && body.includes('thread__entry--reporter');
  if (ok) opened += 1;
  return ok;
});

server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));

const store = await openStoreForCounts(databaseUrl, dataDir);
const { count } = store;
const tips = await count(`select count(*) as n from tips where channel = 'web'`);
const withReceipt = await count(`select count(*) as n from web_receipts r join conversations c on c.reporter_pseudonym = r.reporter_pseudonym`);
await store.close();

const row = (phase: Phase) => ({
  'warm-up requests (not in the figures)': phase.warmup,
  requests: phase.latencies.length,
  'requests per second': Number((phase.latencies.length / phase.elapsed).toFixed(1)),
  'p50 latency (ms)': Math.round(percentile(phase.latencies, 50)),
  'p99 latency (ms)': Math.round(percentile(phase.latencies, 99)),
  'failed requests': phase.failures,
});
console.table({ 'new report (POST /api/tips)': row(submitted), 'come back (POST /api/tips/open)': row(reopened) });
console.table({
  'reports accepted': receipts.length,
  'reports stored': tips,
  'stored exactly once, with a receipt': tips === receipts.length && withReceipt === tips ? 'yes' : 'NO',
  'receipts that opened their report': opened,
});
console.log(
  `${concurrency} concurrent clients, ${seconds} s per endpoint after ${warmupSeconds} s of warm-up, against ${databaseUrl ? 'a PostgreSQL server' : 'PGlite'}; ` +
    'every request hashes or checks a secret with scrypt (N = 2^17, r = 8, p = 1).',
);
if (!submitted.latencies.length || !reopened.latencies.length) {
  console.log('No request both started and ended in the measured time: the machine is busier than the benchmark allows for. Give it more time (BENCH_SECONDS).');
  process.exitCode = 1;
}
if (tips !== receipts.length || withReceipt !== tips || submitted.failures + reopened.failures > 0) process.exitCode = 1;
