import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, never a downloaded browser (tests and the poster renderer both use it). The
 * flags stop it from calling home, which on a closed network floods it with refused connections.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(env = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** The Chromium to use, or null when there is none (a host's build image may have none). */
export function findChromium(env = process.env): string | null {
  const path = chromiumPath(env);
  return existsSync(path) ? path : null;
}
