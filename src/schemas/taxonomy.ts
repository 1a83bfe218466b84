import { z } from 'astro/zod';

/**
 * The fixed vocabularies that pages, materials and search filters share. Their labels, in every
 * language, are UI strings: `audience.<value>`, `topic.<value>`, `kind.<value>`.
 */
export const audiences = ['schools', 'communities', 'destination'] as const;

export const topics = [
  'recruitment',
  'signs',
  'safe-migration',
  'smuggling-vs-trafficking',
  'forced-labour',
  'sexual-exploitation',
  'child-trafficking',
  'domestic-servitude',
  'forced-marriage',
  'debt-bondage',
  'rights-and-help',
] as const;

/** What a search result is. */
export const kinds = ['page', 'material', 'poster', 'campaign'] as const;

export const audienceSchema = z.enum(audiences);
export const topicSchema = z.enum(topics);

export type Audience = (typeof audiences)[number];
export type Topic = (typeof topics)[number];
export type Kind = (typeof kinds)[number];
