import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page';
import { countryHotlinesSchema } from './schemas/hotline';
import { partialUiSchema } from './schemas/ui';

// CONTENT_DIR lets the tests build a copy of content/ with a broken file in it.
const contentDir = process.env.CONTENT_DIR ?? './content';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: `${contentDir}/pages` }),
    schema: pageSchema,
  }),
  hotlines: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentDir}/hotlines` }),
    schema: countryHotlinesSchema,
  }),
  ui: defineCollection({
    loader: glob({ pattern: '*.json', base: `${contentDir}/ui` }),
    schema: partialUiSchema,
  }),
};
