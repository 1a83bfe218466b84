import { z } from 'astro/zod';

/**
 * Where a number came from and when somebody last checked it by calling or reading the
 * organisation's own published page. `verified: null` means nobody has: the site then shows
 * "not yet verified: call your local emergency number" instead of the number.
 */
const provenance = {
  /** The organisation's own page or document that publishes the number. */
  source: z.string().min(5),
  /** The date a person last checked the number against its source, or null if never. */
  verified: z.coerce.date().nullable(),
};

/** Phone numbers as dialled locally: digits, spaces, +, - and parentheses only. */
export const phoneNumber = z
  .string()
  .regex(/^\+?[0-9][0-9 ()-]{1,20}$/, 'a phone number: digits, spaces, +, - or () only');

export const hotlineSchema = z.object({
  /** The service's name as people know it. */
  name: z.string().min(2),
  /** Who runs it. */
  organisation: z.string().min(2),
  /** Number to call, as dialled in the country. */
  phone: phoneNumber.optional(),
  /** Number or short code that accepts text messages. */
  sms: phoneNumber.optional(),
  /** When someone answers, in plain words, e.g. "24 hours, every day". */
  hours: z.string().min(2),
  /** Languages spoken, as ISO 639-1 codes ("km", "en"); pages name them in the reader's language. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as km')).min(1),
  /** Who it is for and what it does, in one sentence. */
  purpose: z.string().min(5),
  ...provenance,
}).refine((h) => h.phone || h.sms, { message: 'give at least one of phone or sms' });

export const countryHotlinesSchema = z.object({
  /** ISO 3166-1 alpha-2 code, upper case; it is also the file name (content/hotlines/kh.yaml). */
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH'),
  /** The country's name in English; pages show it in the reader's language via Intl.DisplayNames. */
  name: z.string().min(2),
  emergency: z.object({ number: phoneNumber, ...provenance }),
  hotlines: z.array(hotlineSchema).default([]),
});

export type CountryHotlines = z.output<typeof countryHotlinesSchema>;
export type Hotline = z.output<typeof hotlineSchema>;
