import { z } from 'astro/zod';
import { audienceSchema } from './taxonomy';
import { localeCodes, type Locale } from '../i18n/locales';
import { translatedFrom } from './translation';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH').meta({ vocabulary: 'country' });
const slug = z.string().regex(/^[a-z0-9-]+$/, 'a file name without .mdx, e.g. spot-the-fake-job-offer');

/**
 * A prevention campaign, in one locale: content/campaigns/<locale>/<slug>.mdx
 * Descriptions are the CMS's hints; `shared: true` fields are set on the English file and repeated
 * unchanged by translations; `references` names the collection whose entries a list holds
 * (materials and posters by file name, hotlines by country code).
 */
export const campaignSchema = z
  .object({
    name: z.string().min(3).describe('The campaign’s name.'),
    message: z.string().min(3).describe('Its one-line message, as on a banner.'),
    summary: z.string().min(20).max(300).describe('What it is, in one or two sentences.'),
    originCountries: z.array(countryCode).min(1).meta({ description: 'Countries people leave, where the campaign runs.', shared: true }),
    destinationCountries: z.array(countryCode).min(1).meta({ description: 'Countries people go to.', shared: true }),
    audiences: z.array(audienceSchema).min(1).meta({ description: 'Who the campaign speaks to.', shared: true }),
    languages: z
      .array(z.enum(localeCodes as [Locale, ...Locale[]]))
      .min(1)
      .meta({ description: 'Languages the campaign runs in.', shared: true }),
    period: z
      .object({ start: z.coerce.date(), end: z.coerce.date() })
      .refine((p) => p.start <= p.end, { message: 'start must not be after end' })
      .meta({ description: 'When it runs.', shared: true }),
    materials: z.array(slug).default([]).meta({ description: 'Materials it uses.', shared: true, references: 'materials' }),
    posters: z.array(slug).default([]).meta({ description: 'Posters it uses.', shared: true, references: 'posters' }),
    hotlineCountries: z
      .array(countryCode)
      .min(1)
      .meta({ description: 'Countries whose hotlines it promotes.', shared: true, references: 'hotlines' }),
    updated: z.coerce.date().describe('When the text was last reviewed.'),
    translatedFrom,
  });

export type CampaignData = z.output<typeof campaignSchema>;
