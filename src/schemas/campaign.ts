import { z } from 'astro/zod';
import { audienceSchema } from './taxonomy';
import { localeCodes, type Locale } from '../i18n/locales';
import { translatedFrom } from './translation';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH');
const slug = z.string().regex(/^[a-z0-9-]+$/, 'a file name without .mdx, e.g. spot-the-fake-job-offer');

/** A prevention campaign, in one locale: content/campaigns/<locale>/<slug>.mdx */
export const campaignSchema = z
  .object({
    /** The campaign's name. */
    name: z.string().min(3),
    /** Its one-line message, as on a banner. */
    message: z.string().min(3),
    /** What it is, in one or two sentences. */
    summary: z.string().min(20).max(300),
    /** Countries people leave, where the campaign runs. */
    originCountries: z.array(countryCode).min(1),
    /** Countries people go to. */
    destinationCountries: z.array(countryCode).min(1),
    audiences: z.array(audienceSchema).min(1),
    /** Languages the campaign runs in. */
    languages: z.array(z.enum(localeCodes as [Locale, ...Locale[]])).min(1),
    period: z
      .object({ start: z.coerce.date(), end: z.coerce.date() })
      .refine((p) => p.start <= p.end, { message: 'start must not be after end' }),
    /** Materials it uses: file names in content/materials/en/. */
    materials: z.array(slug).default([]),
    /** Posters it uses (the poster library is not built yet). */
    posters: z.array(slug).default([]),
    /** Countries whose hotlines it promotes: files in content/hotlines/. */
    hotlineCountries: z.array(countryCode).min(1),
    updated: z.coerce.date(),
    /** On a translation: the English version it was made from (written by npm run translations -- --mark). */
    translatedFrom,
  });

export type CampaignData = z.output<typeof campaignSchema>;
