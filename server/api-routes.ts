import health, { config as healthConfig } from '../functions/health.ts';
import sms, { config as smsConfig } from '../functions/sms.ts';

export type Handler = (request: Request) => Promise<Response>;

/**
 * Every function and the path it answers on. Netlify reads each file's own `config.path`;
 * the local server mounts this list, so both serve the same URLs.
 */
export const apiRoutes: { path: string; handler: Handler }[] = [
  { path: healthConfig.path, handler: health },
  { path: smsConfig.path, handler: sms },
];
