import type { z } from 'astro/zod';
import type { Map as ImmutableMap } from 'immutable';
import { pageSchema } from '../schemas/page';
import { materialSchema } from '../schemas/material';
import { campaignSchema } from '../schemas/campaign';
import { posterSchema } from '../schemas/poster';
import { countryHotlinesSchema } from '../schemas/hotline';
import { publisherSchema } from '../schemas/publisher';
import { tiplineTextSchema } from '../schemas/tipline';
import { completeUiSchema, partialUiSchema } from '../schemas/ui';
import { defaultLocale } from '../i18n/locales';
import { describeIssues } from '../utils/content-errors';

/**
 * The CMS checks each field as staff type, but not the rules that tie fields together ("a
 * material for schools needs an age range", "the reply must contain {emergency}"). Before a save,
 * the entry goes through its collection's zod schema, the one the build uses; a file the build
 * would refuse is not saved, and the message names the field. `slug` is the entry's file name
 * (for the site's texts, its locale).
 */
function schemaFor(collection: string, slug: string): z.ZodType | undefined {
  const schemas: Record<string, z.ZodType> = {
    pages: pageSchema,
    materials: materialSchema,
    campaigns: campaignSchema,
    posters: posterSchema,
    hotlines: countryHotlinesSchema,
    site: publisherSchema,
    tipline: tiplineTextSchema,
    ui: slug === defaultLocale ? completeUiSchema : partialUiSchema,
  };
  return schemas[collection];
}

/** Empty boxes are left out of the file (src/cms/formats.ts), so they are left out here too. */
const filled = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));

export function problemsWith(collection: string, slug: string, data: unknown): string[] {
  const schema = schemaFor(collection, slug);
  if (!schema) return [];
  const { body: _body, ...fields } = data as Record<string, unknown>;
  const result = schema.safeParse(filled(fields));
  return result.success ? [] : describeIssues(result.error);
}

export function validateBeforeSave({ entry }: { entry: ImmutableMap<string, unknown> }): undefined {
  const data = (entry.get('data') as ImmutableMap<string, unknown>).toJS();
  const problems = problemsWith(entry.get('collection') as string, entry.get('slug') as string, data);
  if (problems.length) throw new Error(`not saved: ${problems.join('; ')}`);
  return undefined;
}
