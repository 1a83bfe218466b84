import { z } from 'astro/zod';
import { audienceSchema, topicSchema } from './taxonomy';
import { translatedFrom } from './translation';

/** A page of risk information, in one locale: content/pages/<locale>/<slug>.mdx */
export const pageSchema = z.object({
  /** The page's heading and the title of the browser tab. */
  title: z.string().min(3),
  /** One or two plain sentences shown on the home page and in search results. */
  description: z.string().min(20).max(200),
  /** Position in the site's list of topics (1 comes first). */
  order: z.number().int().positive(),
  /** When the text was last reviewed. */
  updated: z.coerce.date(),
  /** Show the directory of hotlines by country under the text. */
  showHotlines: z.boolean().default(false),
  /** Who the page is for. Set on the English page; its translations share it. */
  audiences: z.array(audienceSchema).default([]),
  /** What the page is about. Set on the English page; its translations share it. */
  topics: z.array(topicSchema).default([]),
  /** On a translation: the English version it was made from (written by npm run translations -- --mark). */
  translatedFrom,
});

export type PageInput = z.input<typeof pageSchema>;
export type PageData = z.output<typeof pageSchema>;
