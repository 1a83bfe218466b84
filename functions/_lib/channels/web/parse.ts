import { z } from 'zod';
import { isLocale, type Locale } from '../../../../src/i18n/locales.ts';
import type { UiKey } from '../../../../src/schemas/ui.ts';
import { normalizeLookup, normalizeSecret } from './receipt.ts';
import { maxLength, type Problem, type Translate } from './views.ts';

/*
 * The web report's forms, checked with zod. Each message is the key of a UI string
 * (content/ui/<locale>.json), so a problem reaches the reporter in their own language.
 */

const KEY = {
  what: 'error.what',
  tooLong: 'error.tooLong',
  trap: 'error.trap',
  lookup: 'error.lookup',
  secret: 'error.secret',
  more: 'error.more',
  confirm: 'error.confirm',
} as const satisfies Record<string, UiKey>;

/** An optional text: trimmed, at most `max` characters, '' when left out. */
const optionalText = (max: number) => z.string().trim().max(max, KEY.tooLong).default('');

/** A lookup id as the reporter typed it, made canonical (K7Q2-mx4p → K7Q2MX4P). */
const lookup = z.string().default('').transform((typed, ctx) => {
  const canonical = normalizeLookup(typed);
  if (!canonical) ctx.addIssue({ code: 'custom', message: KEY.lookup });
  return canonical ?? '';
});

/** A secret as typed, in any script's digits, with or without spaces. */
const secret = z.string().default('').transform((typed, ctx) => {
  const canonical = normalizeSecret(typed);
  if (!canonical) ctx.addIssue({ code: 'custom', message: KEY.secret });
  return canonical ?? '';
});

/** A new report. Only what a responder needs; all but what happened may be left out. */
export const reportFormSchema = z.object({
  what: z.string().default('').pipe(z.string().trim().min(1, KEY.what).max(maxLength.what, KEY.tooLong)),
  where: optionalText(maxLength.where),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  when: optionalText(maxLength.when),
  danger: z.enum(['yes', 'no', 'unsure']).optional().catch(undefined),
  contact: optionalText(maxLength.contact),
  /** The trap for programs (views.ts): a person leaves it empty. */
  website: z.string().max(0, KEY.trap).default(''),
});
export type ReportForm = z.output<typeof reportFormSchema>;

/** Opening a report with its receipt. */
export const openFormSchema = z.object({ lookup, secret });

/** More information on a report, with its receipt. */
export const addFormSchema = z.object({
  lookup,
  secret,
  more: z.string().default('').pipe(z.string().trim().min(1, KEY.more).max(maxLength.more, KEY.tooLong)),
});

/** Erasing a report, with its receipt and the reporter's confirmation. */
export const deleteFormSchema = z.object({ lookup, secret, confirm: z.literal('yes', { message: KEY.confirm }) });

/** The page's language, from the form's hidden field; English if it is missing or unknown. */
export function formLocale(params: Record<string, string>): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

/** zod's issues as problems the reader can act on, in their language, one per field. */
export function problemsIn(error: z.ZodError, t: Translate): Problem[] {
  const problems = new Map<string, Problem>();
  for (const issue of error.issues) {
    const field = String(issue.path[0]) as NonNullable<Problem['field']>;
    if (problems.has(field)) continue;
    const max = maxLength[field as keyof typeof maxLength];
    problems.set(field, { field, message: t(issue.message as UiKey).replace('{max}', String(max)) });
  }
  return [...problems.values()];
}
