import { buildSettingsSchema, type BuildSettings } from '../schemas/build-settings.ts';
import { formatContentError } from './content-errors.ts';

/**
 * Reads and checks the build settings; a malformed value stops the build and names the variable.
 * Pages pass `import.meta.env`; the poster renderer, which runs outside Vite, `process.env`.
 */
export function readBuildSettings(env: Record<string, unknown>): BuildSettings {
  const result = buildSettingsSchema.safeParse(env);
  if (!result.success) throw new Error(formatContentError('the build environment', result.error));
  return result.data;
}
