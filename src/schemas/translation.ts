import { z } from 'astro/zod';
import { fingerprintPattern } from '../i18n/fingerprint.ts';

/**
 * On a translation only: the fingerprint of the English text it was made from (12 hex digits,
 * see src/i18n/fingerprint.ts). `npm run translations -- --mark <locale>/<collection>/<slug>`
 * writes it; when the English text changes afterwards, the page says the translation is behind.
 */
export const translatedFrom = z
  .string()
  .regex(fingerprintPattern, 'the 12 hex digits that `npm run translations -- --mark` writes')
  .optional()
  // `managed`: written by a tool, never typed by staff: the CMS shows where the translation stands
  // and writes it when staff mark the translation as current (src/cms/translation-widget.ts).
  .meta({ description: 'Which English text this translation was made from. Mark it as current once it says what the English says.', managed: true });
