import { z } from 'astro/zod';
import { audienceSchema, topicSchema } from './taxonomy';
import { translatedFrom } from './translation';

export const formats = [
  'lesson-plan',
  'classroom-activity',
  'discussion-guide',
  'family-guide',
  'fact-sheet',
  'checklist',
  'story',
] as const;

export type Format = (typeof formats)[number];

/** A teaching or campaign material, in one locale: content/materials/<locale>/<slug>.mdx */
export const materialSchema = z
  .object({
    /** The material's heading. */
    title: z.string().min(3),
    /** What the session does and what people take away, in one or two sentences. */
    summary: z.string().min(20).max(300),
    /** Who it is for: schools, communities (in countries people leave) or destination countries. */
    audience: audienceSchema,
    /** What kind of material it is. */
    format: z.enum(formats),
    /** One to three topics from the site's fixed list. */
    topics: z.array(topicSchema).min(1).max(3),
    /** For schools: the learners' ages. */
    ageRange: z
      .object({ min: z.number().int().min(5).max(99), max: z.number().int().min(5).max(99) })
      .refine((r) => r.min <= r.max, { message: 'min must not be more than max' })
      .optional(),
    /** How long the session or the reading takes, in minutes. */
    duration: z.number().int().positive(),
    /** What the facilitator needs (paper, a board…); empty if nothing. */
    needs: z.array(z.string().min(2)).default([]),
    /** What people will be able to do afterwards. */
    objectives: z.array(z.string().min(5)).min(1),
    /** When the text was last checked. */
    reviewed: z.coerce.date(),
    /** A made-up story or case: the page says so. */
    fictional: z.boolean(),
    /** On a translation: the English version it was made from (written by npm run translations -- --mark). */
    translatedFrom,
  })
  .superRefine((m, ctx) => {
    if (m.audience === 'schools' && !m.ageRange) {
      ctx.addIssue({ code: 'custom', path: ['ageRange'], message: 'a material for schools needs an age range, e.g. { min: 12, max: 15 }' });
    }
    if (m.format === 'story' && !m.fictional) {
      ctx.addIssue({ code: 'custom', path: ['fictional'], message: 'a story must be marked fictional: true' });
    }
  });

export type MaterialData = z.output<typeof materialSchema>;
