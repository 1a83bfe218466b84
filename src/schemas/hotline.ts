import { z } from 'astro/zod';
import { localeCodes, type Locale } from '../i18n/locales.ts';

/**
 * One time a person checked a number. A check is evidence, not a date: it says how the number was
 * checked, where and by whom, so anybody can repeat it.
 */
export const checkSchema = z.object({
  date: z.coerce.date().describe('The day of the check.'),
  method: z
    .enum(['called', 'published-source'])
    .describe(
      'called: a person dialled the number and reached the service. published-source: a person read the number on the page of the organisation that runs it, or of its government. Only called counts as verified for the production build.',
    ),
  source: z
    .url({ protocol: /^https?$/, error: 'the full address of the page, starting with https:// or http://' })
    .describe('The exact page read (a deep link, not a home page); for a call, the page the number came from.'),
  by: z.string().min(2).describe('Who checked: a name or a role the team can ask.'),
  note: z.string().min(2).optional().describe('What the page said or the call found, in a sentence.'),
});

/**
 * A text in the reader's language. English is required and is the fallback; pages mark a fallback
 * with lang="en". Keys are the site's locale codes.
 */
export const localizedTextSchema = z.strictObject({
  en: z.string().min(2).describe('In English: required, and shown wherever a language has no text of its own.'),
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
  checks: z
    .array(checkSchema)
    .default([])
    .describe('Every check of this number, oldest first. A number with no check is never shown to readers.'),
  notes: z
    .string()
    .min(2)
    .optional()
    .describe('For staff, never shown to readers: what was searched and not found, what changed, what to check next.'),
};

const digitsOf = (number: string) => number.replace(/\D/g, '');

export const hotlineSchema = z
  .object({
    name: localizedTextSchema.describe('The service’s name as people know it.'),
    organisation: localizedTextSchema.describe('Who runs it.'),
    phone: phoneNumber.optional().describe('The number to call, as dialled in the country.'),
    sms: phoneNumber.optional().describe('The number or short code that takes text messages.'),
    hours: localizedTextSchema
      .optional()
      .describe('When someone answers, in plain words, e.g. “24 hours, every day”. Leave it out when nobody knows.'),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as km'))
      .min(1)
      .describe('Languages spoken, as ISO 639-1 codes (km, en); pages name them in the reader’s language.'),
    purpose: localizedTextSchema.describe('Who it is for and what it does, in one sentence.'),
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
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH')
    .meta({ vocabulary: 'country', description: 'The country; its code is also the file name (content/hotlines/kh.yaml).' }),
  name: z.string().min(2).describe('The country’s name in English; pages show it in the reader’s language.'),
  emergency: z
    .object({ number: phoneNumber.describe('The number as dialled in the country.'), ...evidence })
    .describe('The number for police, ambulance or fire when a life is in danger.'),
  hotlines: z.array(hotlineSchema).default([]).describe('Other lines: trafficking, children, labour, women.'),
});

export type Check = z.output<typeof checkSchema>;
export type LocalizedText = z.output<typeof localizedTextSchema>;
export type CountryHotlines = z.output<typeof countryHotlinesSchema>;
export type Hotline = z.output<typeof hotlineSchema>;
