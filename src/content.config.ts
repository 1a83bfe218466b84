import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page';
import { countryHotlinesSchema } from './schemas/hotline';
import { partialUiSchema } from './schemas/ui';


export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: './content/pages' }),
    schema: pageSchema,
  }),
  hotlines: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/hotlines' }),
    schema: countryHotlinesSchema,
  }),
  ui: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/ui' }),
    schema: partialUiSchema,
  }),
};
