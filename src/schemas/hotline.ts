import { z } from 'astro/zod';
import { localeCodes, type Locale } from '../i18n/locales.ts';

/**
 * One time a person checked a number. A check is evidence, not a date: it says how the number was
 * checked, where and by whom, so anybody can repeat it.
 */
export const checkSchema = z.object({
  /** The day of the check. */
  date: z.coerce.date(),
  /**
   * `called`: a person dialled the number and reached the service it belongs to.
   * `published-source`: a person read the number on the page of the organisation that runs it, or
   * of its government. Only `called` counts for `npm run build:production`.
   */
  method: z.enum(['called', 'published-source']),
  /** The exact page read (a deep link, not a home page), or for a call the page the number came from. */
  source: z.url('the address of the page, starting with https://'),
  /** Who checked: a name or a role the team can ask. */
  by: z.string().min(2),
  /** What the page said or the call found, in a sentence. */
  note: z.string().min(2).optional(),
});

/**
 * A text in the reader's language. English is required and is the fallback; pages mark a fallback
 * with lang="en". Keys are the site's locale codes.
 */
export const localizedTextSchema = z.strictObject({
  en: z.string().min(2),
  ...(Object.fromEntries(
    localeCodes.filter((code) => code !== 'en').map((code) => [code, z.string().min(2).optional()]),
  ) as Record<Exclude<Locale, 'en'>, z.ZodOptional<z.ZodString>>),
});

/** Phone numbers as dialled locally: digits, spaces, +, - and parentheses only. */
export const phoneNumber = z
  .string()
  .regex(/^\+?[0-9][0-9 ()-]{1,20}$/, 'a phone number: digits, spaces, +, - or () only');

/** What every number carries besides itself: its checks, and what staff should know. */
const evidence = {
  /** Every check of this number, oldest first. A number with none is never shown. */
  checks: z.array(checkSchema).default([]),
  /** For staff: what was searched and not found, what changed, what to check next. Not shown to readers. */
  notes: z.string().min(2).optional(),
};

const digitsOf = (number: string) => number.replace(/\D/g, '');

export const hotlineSchema = z
  .object({
    /** The service's name as people know it. */
    name: localizedTextSchema,
    /** Who runs it. */
    organisation: localizedTextSchema,
    /** Number to call, as dialled in the country. */
    phone: phoneNumber.optional(),
    /** Number or short code that accepts text messages. */
    sms: phoneNumber.optional(),
    /** When someone answers, in plain words, e.g. "24 hours, every day"; leave it out when nobody knows. */
    hours: localizedTextSchema.optional(),
    /** Languages spoken, as ISO 639-1 codes ("km", "en"); pages name them in the reader's language. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as km')).min(1),
    /** Who it is for and what it does, in one sentence. */
    purpose: localizedTextSchema,
    ...evidence,
  })
  .superRefine((h, ctx) => {
    if (!h.phone && !h.sms) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give at least one of phone or sms' });
    // A number written into a name or a purpose must be the line's own, in every language: when
    // the number changes, a stale copy in one translation would send readers to the old one.
    const own = [h.phone, h.sms].filter((n): n is string => !!n).map(digitsOf);
    for (const field of ['name', 'organisation', 'hours', 'purpose'] as const) {
      for (const [locale, text] of Object.entries(h[field] ?? {})) {
        for (const written of text?.match(/\d{3,}/g) ?? []) {
          if (!own.some((number) => number.includes(written))) {
            ctx.addIssue({
              code: 'custom',
              path: [field, locale],
              message: `mentions ${written}, which is not this line's number (${own.join(', ')}); write numbers only in phone and sms`,
            });
          }
        }
      }
    }
  });

export const countryHotlinesSchema = z.object({
  /** ISO 3166-1 alpha-2 code, upper case; it is also the file name (content/hotlines/kh.yaml). */
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH'),
  /** The country's name in English; pages show it in the reader's language via Intl.DisplayNames. */
  name: z.string().min(2),
  /** The number for police, ambulance or fire when life is in danger. */
  emergency: z.object({ number: phoneNumber, ...evidence }),
  hotlines: z.array(hotlineSchema).default([]),
});

export type Check = z.output<typeof checkSchema>;
export type LocalizedText = z.output<typeof localizedTextSchema>;
export type CountryHotlines = z.output<typeof countryHotlinesSchema>;
export type Hotline = z.output<typeof hotlineSchema>;
