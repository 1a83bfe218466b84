import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { pageSchema } from './schemas/page';
import { countryHotlinesSchema } from './schemas/hotline';
import { partialUiSchema } from './schemas/ui';
import { materialSchema } from './schemas/material';
import { campaignSchema } from './schemas/campaign';
import { posterSchema } from './schemas/poster';
import { publisherSchema } from './schemas/publisher';

/** A collection with one folder per locale: content/<folder>/<locale>/<slug>.mdx */
function localized<S extends z.ZodType>(folder: string, schema: S) {
  return defineCollection({ loader: glob({ pattern: '*/*.{md,mdx}', base: `./content/${folder}` }), schema });
}

export const collections = {
  pages: localized('pages', pageSchema),
  materials: localized('materials', materialSchema),
  campaigns: localized('campaigns', campaignSchema),
  /** Posters have no body: one YAML file per poster and locale, content/posters/<locale>/<slug>.yaml. */
  posters: defineCollection({
    loader: glob({ pattern: '*/*.yaml', base: './content/posters' }),
    schema: posterSchema,
  }),
  hotlines: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/hotlines' }),
    schema: countryHotlinesSchema,
  }),
  publisher: defineCollection({
    loader: glob({ pattern: 'publisher.yaml', base: './content/site' }),
    schema: publisherSchema,
  }),
  ui: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/ui' }),
    schema: partialUiSchema,
  }),
};
