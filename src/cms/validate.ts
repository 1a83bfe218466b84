import type { z } from 'astro/zod';
import type { Map as ImmutableMap } from 'immutable';
import { pageSchema } from '../schemas/page';
import { materialSchema } from '../schemas/material';
import { campaignSchema } from '../schemas/campaign';
import { countryHotlinesSchema } from '../schemas/hotline';
import { describeIssues } from '../utils/content-errors';

/**
 * The CMS checks each field as staff type, but not the rules that tie fields together ("a
 * material for schools needs an age range"). Before a save, the entry goes through its collection's
 * zod schema, the one the build uses; a file the build would refuse is not saved, and the message
 * names the field.
 */
const schemas: Record<string, z.ZodType> = {
  pages: pageSchema,
  materials: materialSchema,
  campaigns: campaignSchema,
  hotlines: countryHotlinesSchema,
};

export function problemsWith(collection: string, data: unknown): string[] {
  const schema = schemas[collection];
  if (!schema) return [];
  const { body: _body, ...fields } = data as Record<string, unknown>;
  const result = schema.safeParse(fields);
  return result.success ? [] : describeIssues(result.error);
}

export function validateBeforeSave({ entry }: { entry: ImmutableMap<string, unknown> }): undefined {
  const problems = problemsWith(entry.get('collection') as string, (entry.get('data') as ImmutableMap<string, unknown>).toJS());
  if (problems.length) throw new Error(`not saved: ${problems.join('; ')}`);
  return undefined;
}
