import { z } from 'astro/zod';
import { audiences, kinds, topics } from './taxonomy';
import { formats } from './material';

/**
 * Every string the site's layout and components print, by dotted key. English must have them all
 * (content/ui/en.json); another locale may lack some, and those fall back to English key by key.
 */
const staticKeys = [
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
  'home.privacy',
  'home.topics',
  'home.emergency',
  'fallback.notice',
  'translation.stale',
  'translation.readEnglish',
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
  'search.title',
  'search.label',
  'search.button',
  'search.searching',
  'search.count',
  'search.none',
  'search.failed',
  'search.noJs',
  'search.filters',
  'filter.audience',
  'filter.topic',
  'filter.kind',
  'hubs.audiences',
  'hubs.topics',
  'hubs.intro',
  'home.educators',
  'home.educatorsIntro',
  'home.campaigns',
  'hubs.pages',
  'hubs.materials',
  'callout.warning',
  'callout.tip',
  'callout.note',
  'material.questions',
  'material.handout',
  'material.minutes',
  'material.audience',
  'material.format',
  'material.ages',
  'material.agesValue',
  'material.duration',
  'material.needs',
  'material.nothingNeeded',
  'material.objectives',
  'material.topics',
  'material.fictional',
  'material.print',
  'material.printHint',
  'material.related',
  'getHelp.title',
  'getHelp.emergency',
  'getHelp.directory',
  'campaign.origin',
  'campaign.destination',
  'campaign.audiences',
  'campaign.languages',
  'campaign.period',
  'campaign.materials',
  'campaign.hotlines',
  'help.title',
  'help.in',
  'help.changeCountry',
  'help.chooseCountry',
  'help.notListed',
  'tipline.title',
  'tipline.happens',
  'tipline.keeps',
  'tipline.privacy',
  'tasks.title',
  'tasks.helpNow',
  'tasks.jobOffer',
  'tasks.someone',
  'tasks.teach',
  'search.corrected',
  'breadcrumb.label',
  'toc.title',
  'print.readOnline',
  'print.allNumbers',
  'poster.scan',
] as const;

/** The label of every audience, topic, kind and material format (src/schemas/taxonomy.ts, material.ts). */
const vocabularyKeys = [
  ...audiences.map((a) => `audience.${a}` as const),
  ...topics.map((t) => `topic.${t}` as const),
  ...kinds.map((k) => `kind.${k}` as const),
  ...formats.map((f) => `format.${f}` as const),
];

export const uiKeys = [...staticKeys, ...vocabularyKeys];

export type UiKey = (typeof uiKeys)[number];

const text = z.string().trim().min(1);

/** English: every key, nothing else. */
export const completeUiSchema = z.strictObject(
  Object.fromEntries(uiKeys.map((key) => [key, text])) as Record<UiKey, typeof text>,
);

/** Any other locale: any subset of the keys, nothing unknown (a typo in a key is an error). */
export const partialUiSchema = completeUiSchema.partial();

export type UiStrings = z.output<typeof completeUiSchema>;
