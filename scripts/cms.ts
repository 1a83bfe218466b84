import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDecapBackend } from '../server/decap-backend.ts';

/**
 * npm run cms: the content manager on this computer. Starts Decap's local backend (decap-server,
 * which reads and writes content/ here, no git or login needed) and Astro's dev server, which
 * serves /admin/ and forwards its /admin/api/v1 to the backend, so the browser talks to one origin.
 * The site's pages show each saved change at once. Ctrl+C stops both.
 */
const port = process.env.PORT ?? '4321';
const backend = await startDecapBackend('.');
const astro = spawn(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url)), 'dev', '--host', '127.0.0.1', '--port', port],
  { env: { ...process.env, DECAP_BACKEND_URL: backend.url }, stdio: 'inherit' },
);
console.log(`\nContent manager: http://127.0.0.1:${port}/admin/  (the site: http://127.0.0.1:${port}/en/)\n`);

const stop = () => astro.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', async (code) => {
  await backend.stop();
  process.exit(code ?? 0);
});
