import { z } from 'astro/zod';

/**
 * Every string the site's layout and components print, by dotted key. English must have them all
 * (content/ui/en.json); another locale may lack some, and those fall back to English key by key.
 */
export const uiKeys = [
  'site.name',
  'site.tagline',
  'skip.link',
  'quickExit.label',
  'quickExit.hint',
  'quickExit.url',
  'language.label',
  'language.picker.title',
  'language.picker.intro',
  'nav.label',
  'nav.home',
  'nav.getHelp',
  'home.title',
  'home.intro',
  'home.topics',
  'home.emergency',
  'fallback.notice',
  'updated.label',
  'hotlines.title',
  'hotlines.emergency',
  'hotlines.call',
  'hotlines.text',
  'hotlines.hours',
  'hotlines.languages',
  'hotlines.runBy',
  'hotlines.unverified',
  'hotlines.checked',
  'hotlines.source',
  'footer.privacy',
  'footer.about',
  'footer.noTracking',
  'notFound.title',
  'notFound.body',
  'notFound.home',
] as const;

export type UiKey = (typeof uiKeys)[number];

const text = z.string().trim().min(1);

/** English: every key, nothing else. */
export const completeUiSchema = z.strictObject(
  Object.fromEntries(uiKeys.map((key) => [key, text])) as Record<UiKey, typeof text>,
);

/** Any other locale: any subset of the keys, nothing unknown (a typo in a key is an error). */
export const partialUiSchema = completeUiSchema.partial();

export type UiStrings = z.output<typeof completeUiSchema>;
