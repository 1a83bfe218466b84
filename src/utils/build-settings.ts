import { buildSettingsSchema, type BuildSettings } from '../schemas/build-settings';
import { formatContentError } from './content-errors';

/** Reads and checks the build settings; a malformed value stops the build and names the variable. */
export function readBuildSettings(env: Record<string, unknown>): BuildSettings {
  const result = buildSettingsSchema.safeParse(env);
  if (!result.success) throw new Error(formatContentError('the build environment', result.error));
  return result.data;
}

export const buildSettings = readBuildSettings(import.meta.env);
