import { z } from 'zod';
import { describeIssues } from '../src/utils/content-errors.ts';

/** The local server's settings, from the environment. */
export const serverConfigSchema = z.object({
  /** Port to listen on; 0 picks a free one (the tests use that). */
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** Interface to bind. Loopback by default: set 0.0.0.0 only behind a proxy you control. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The built site to serve. */
  DIST_DIR: z.string().min(1).default('dist'),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const result = serverConfigSchema.safeParse(env);
  if (!result.success) {
    throw new Error(`The server's configuration is not valid:\n  ${describeIssues(result.error).join('\n  ')}`);
  }
  return result.data;
}
