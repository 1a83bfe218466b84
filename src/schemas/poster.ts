import { z } from 'astro/zod';
import { audienceSchema, topicSchema } from './taxonomy.ts';

/** The poster designs in src/posters/templates/: each lays out the same texts differently. */
export const posterTemplates = ['band', 'checklist', 'split'] as const;

/** Colour schemes a design can take: strong, calm colours that photocopy well in grey. */
export const posterAccents = ['teal', 'indigo', 'amber', 'plum'] as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KH');

/**
 * A poster, in one locale: content/posters/<locale>/<slug>.yaml. The texts are printed large, so
 * they are short: a headline, up to four lines, a call to action. Hotline numbers are never
 * written here: they come from content/hotlines/, so a number changed there changes every poster.
 */
export const posterSchema = z.object({
  /** The big words at the top, read from across a room. */
  headline: z.string().trim().min(3).max(70),
  /** One to four short lines under the headline: plain words, no jargon. */
  lines: z.array(z.string().trim().min(3).max(90)).min(1).max(4),
  /** The words next to the numbers, e.g. "Free help, any time. Call:". */
  callToAction: z.string().trim().min(3).max(60),
  /** What the poster shows, for people who cannot see the picture (thumbnails, the share image). */
  alt: z.string().trim().min(20).max(300),
  /** The tear-off strips' label, above the number: a few discreet words, e.g. "Free help". */
  tearOff: z.string().trim().min(2).max(30),
  /**
   * The pocket card's wording: discreet, so a card found in a shoe or a phone case does not give
   * its owner away. Neither line should say "trafficking".
   */
  pocketCard: z.object({
    /** The card's first line, e.g. "Safe journey". */
    title: z.string().trim().min(2).max(30),
    /** One line above the numbers, e.g. "Free and private, any time:". */
    line: z.string().trim().min(3).max(60),
  }),
  /** The design. Set on the English poster; its translations share it. */
  template: z.enum(posterTemplates).optional(),
  /** The colour scheme. Set on the English poster; its translations share it. */
  accent: z.enum(posterAccents).optional(),
  /** Who it is for. Set on the English poster; its translations share it. */
  audiences: z.array(audienceSchema).min(1).optional(),
  /** What it is about, one to three topics. Set on the English poster; its translations share it. */
  topics: z.array(topicSchema).min(1).max(3).optional(),
  /**
   * Countries whose numbers it may carry: files in content/hotlines/. One poster is made for each
   * of its languages and each of these countries. Set on the English poster; its translations share it.
   */
  countries: z.array(countryCode).min(1).optional(),
});

/** The fields only the English poster sets: a translation that sets one is an error. */
export const sharedPosterFields = ['template', 'accent', 'audiences', 'topics', 'countries'] as const;

export type PosterInput = z.input<typeof posterSchema>;
export type PosterData = z.output<typeof posterSchema>;
