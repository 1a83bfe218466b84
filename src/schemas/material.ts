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

/**
 * A teaching or campaign material, in one locale: content/materials/<locale>/<slug>.mdx
 * Descriptions are the CMS's hints; `shared: true` fields are read from the English file, and a
 * translation repeats them unchanged.
 */
export const materialSchema = z
  .object({
    title: z.string().min(3).describe('The material’s heading.'),
    summary: z.string().min(20).max(300).describe('What the session does and what people take away, in one or two sentences.'),
    audience: audienceSchema.meta({
      description: 'Who it is for: schools, communities (in countries people leave) or destination countries.',
      shared: true,
    }),
    format: z.enum(formats).meta({ description: 'What kind of material it is.', shared: true }),
    topics: z.array(topicSchema).min(1).max(3).meta({ description: 'One to three topics from the site’s fixed list.', shared: true }),
    ageRange: z
      .object({ min: z.number().int().min(5).max(99), max: z.number().int().min(5).max(99) })
      .refine((r) => r.min <= r.max, { message: 'min must not be more than max' })
      .optional()
      .meta({ description: 'For schools: the learners’ ages.', shared: true }),
    duration: z.number().int().positive().meta({ description: 'How long the session or the reading takes, in minutes.', shared: true }),
    needs: z.array(z.string().min(2)).default([]).describe('What the facilitator needs (paper, a board…); empty if nothing.'),
    objectives: z.array(z.string().min(5)).min(1).describe('What people will be able to do afterwards.'),
    reviewed: z.coerce.date().describe('When the text was last checked.'),
    fictional: z.boolean().meta({ description: 'A made-up story or case: the page says so.', shared: true }),
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
