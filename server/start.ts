import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { tipline } from '../functions/_lib/tipline.ts';

const config = readServerConfig();
// Start the tip line before listening: a missing or malformed setting stops start-up here, with a
// message that names it, rather than at the first tip.
try {
  const line = await tipline();
  console.log(`Tip line: ${line.config.mode} mode, ${line.config.databaseUrl ? 'PostgreSQL server' : `PGlite in ${line.config.dataDir}`}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const app = createApp(config.DIST_DIR);

serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`Site and /api on http://${config.HOST}:${info.port}/`);
});
