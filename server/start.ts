import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { tipline, type Tipline } from '../functions/_lib/tipline.ts';
import { runJobs } from '../functions/_lib/jobs/run.ts';
import { devOutbox } from './dev-outbox.ts';
import { secured } from '../functions/_lib/secure-headers.ts';

const config = readServerConfig();
// Start the tip line before listening: a missing or malformed setting stops start-up here, with a
// message that names it, rather than at the first tip.
let line: Tipline;
try {
  line = await tipline({ sendAtOnce: true });
  console.log(
    `Tip line: ${line.config.mode} mode, ${line.config.databaseUrl ? 'PostgreSQL server' : `PGlite in ${line.config.dataDir}`}, ` +
      `outgoing SMS via ${line.config.sms.transport}, responders from ${line.config.responderDirectory}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// The outbox and escalation every 2 seconds, retention every 10 minutes (Netlify runs
// functions/scheduled.ts every minute). One run at a time; a failure is reported without any tip
// content and retried next time.
let running = false;
let runs = 0;
setInterval(async () => {
  if (running) return;
  running = true;
  try {
    await runJobs(line, new Date(), { retention: runs++ % 300 === 0 });
  } catch (error) {
    console.error(`Scheduled tip-line jobs failed: ${(error as Error).name}`);
  } finally {
    running = false;
  }
}, 2000).unref();
const app = createApp(config.DIST_DIR, [{ path: '/api/dev/outbox', handler: secured((request) => devOutbox(request, line)) }]);

serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`Site and /api on http://${config.HOST}:${info.port}/`);
});
