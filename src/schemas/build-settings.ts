import { z } from 'astro/zod';
import { phoneNumber } from './hotline.ts';

/**
 * Settings read from the environment when the site is built (not at run time: the site is static).
 * Astro passes variables that start with PUBLIC_ to the build.
 */
export const buildSettingsSchema = z.object({
  /**
   * Our own tip line's number for text messages, written as people should dial it from anywhere,
   * e.g. "+44 7700 900123". When unset, the site does not mention the SMS line at all.
   */
  PUBLIC_TIPLINE_SMS: z.preprocess((v) => (v === '' ? undefined : v), phoneNumber.optional()),
});

export type BuildSettings = z.output<typeof buildSettingsSchema>;
