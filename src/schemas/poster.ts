import { z } from 'astro/zod';
import { audienceSchema, topicSchema } from './taxonomy.ts';
import { translatedFrom } from './translation.ts';

/** The poster designs in src/posters/templates/: each lays out the same texts differently. */
export const posterTemplates = ['band', 'checklist', 'split'] as const;

/** Colour schemes a design can take: strong, calm colours that photocopy well in grey. */
export const posterAccents = ['teal', 'indigo', 'amber', 'plum'] as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH').meta({ vocabulary: 'country' });

/**
 * A poster, in one locale: content/posters/<locale>/<slug>.yaml. The texts are printed large, so
 * they are short: a headline, up to four lines, a call to action. Hotline numbers are never
 * written here: they come from content/hotlines/, so a number changed there changes every poster.
 * Descriptions are the CMS's hints; `shared: true` fields are set on the English file and repeated
 * unchanged by translations.
 */
export const posterSchema = z.object({
  headline: z.string().trim().min(3).max(70).describe('The big words at the top, read from across a room.'),
  lines: z
    .array(z.string().trim().min(3).max(90))
    .min(1)
    .max(4)
    .describe('One to four short lines under the headline: plain words, no jargon.'),
  callToAction: z.string().trim().min(3).max(60).describe('The words next to the numbers, e.g. "Not sure? Ask for free help:".'),
  alt: z
    .string()
    .trim()
    .min(20)
    .max(300)
    .describe('What the poster shows, for people who cannot see the picture (thumbnails, the share image).'),
  tearOff: z.string().trim().min(2).max(30).describe('The tear-off strips’ label above the number: a few discreet words, e.g. "Free help".'),
  pocketCard: z
    .object({
      title: z.string().trim().min(2).max(30).describe('The card’s first line, e.g. "Safe journey".'),
      line: z.string().trim().min(3).max(60).describe('One line above the numbers, e.g. "Free help, any time:".'),
    })
    .describe('The pocket card’s words: discreet, so a card found in a shoe or a phone case does not give its owner away. Do not write "trafficking".'),
  template: z.enum(posterTemplates).meta({ description: 'The design (src/posters/templates/).', shared: true }),
  accent: z.enum(posterAccents).meta({ description: 'The colour scheme.', shared: true }),
  audiences: z.array(audienceSchema).min(1).meta({ description: 'Who it is for.', shared: true }),
  topics: z.array(topicSchema).min(1).max(3).meta({ description: 'What it is about: one to three topics.', shared: true }),
  countries: z.array(countryCode).min(1).meta({
    description: 'Countries whose numbers it may carry (files in content/hotlines/): it is made in each of its languages for each of them.',
    shared: true,
    references: 'hotlines',
  }),
  translatedFrom,
});

/** The fields the English poster sets for all its translations, which repeat them unchanged. */
export const sharedPosterFields = ['template', 'accent', 'audiences', 'topics', 'countries'] as const;

export type PosterInput = z.input<typeof posterSchema>;
export type PosterData = z.output<typeof posterSchema>;
