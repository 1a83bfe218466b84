import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readServerConfig } from './config.ts';

const config = readServerConfig();
const app = createApp(config.DIST_DIR);

serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`Site and /api on http://${config.HOST}:${info.port}/`);
});
