import { z } from 'astro/zod';
import { audienceSchema, topicSchema } from './taxonomy';
import { translatedFrom } from './translation';

/**
 * A page of risk information, in one locale: content/pages/<locale>/<slug>.mdx
 * Each field's description is the hint staff see under it in the CMS. `shared: true` marks a field
 * that every translation takes from the English file (src/cms/fields.ts reads both).
 */
export const pageSchema = z.object({
  title: z.string().min(3).describe('The page’s heading and the title of the browser tab.'),
  description: z.string().min(20).max(200).describe('One or two plain sentences shown on the home page and in search results.'),
  order: z.number().int().positive().meta({ description: 'Position in the site’s list of topics (1 comes first).', shared: true }),
  updated: z.coerce.date().describe('When the text was last reviewed.'),
  showHotlines: z.boolean().default(false).meta({ description: 'Show the directory of hotlines by country under the text.', shared: true }),
  audiences: z.array(audienceSchema).default([]).meta({ description: 'Who the page is for. Set on the English page; its translations share it.', shared: true }),
  topics: z.array(topicSchema).default([]).meta({ description: 'What the page is about. Set on the English page; its translations share it.', shared: true }),
  translatedFrom,
});

export type PageInput = z.input<typeof pageSchema>;
export type PageData = z.output<typeof pageSchema>;
