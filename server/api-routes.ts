import health, { config as healthConfig } from '../functions/health.ts';
import sms, { config as smsConfig } from '../functions/sms.ts';
import auth, { config as authConfig } from '../functions/auth.ts';
import authCallback, { config as authCallbackConfig } from '../functions/auth-callback.ts';
import tips, { config as tipsConfig } from '../functions/tips.ts';
import voice, { config as voiceConfig } from '../functions/voice.ts';

/** A function's handler; `context.ip` is the client's address, as Netlify passes it. */
export type Handler = (request: Request, context?: { ip?: string }) => Promise<Response>;

/**
 * Every function and the paths it answers on. Netlify reads each file's own `config.path`;
 * the local server mounts this list, so both serve the same URLs.
 */
export const apiRoutes: { path: string; handler: Handler }[] = [
  { path: healthConfig.path, handler: health },
  { path: smsConfig.path, handler: sms },
  { path: authConfig.path, handler: auth },
  { path: authCallbackConfig.path, handler: authCallback },
  ...tipsConfig.path.map((path) => ({ path, handler: tips })),
  ...voiceConfig.path.map((path) => ({ path, handler: voice })),
];
