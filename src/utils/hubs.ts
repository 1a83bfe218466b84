import { getCollection } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { audiences, topics, type Audience, type Topic } from '../schemas/taxonomy';
import { pageRoutes } from './page-routes';
import { formats } from '../schemas/material';

/** The pages of one locale, in topic order, with the audiences and topics set on their original. */
export async function localePages(locale: Locale) {
  return pageRoutes(await getCollection('pages'))
    .filter((route) => route.locale === locale)
    .sort((a, b) => a.original.data.order - b.original.data.order);
}

/** The materials of one locale, grouped for a hub: lesson plans first, then the other formats. */
export async function localeMaterials(locale: Locale) {
  return pageRoutes(await getCollection('materials'))
    .filter((route) => route.locale === locale)
    .sort(
      (a, b) =>
        formats.indexOf(a.original.data.format) - formats.indexOf(b.original.data.format) ||
        a.entry.data.title.localeCompare(b.entry.data.title, locale),
    );
}

/** Audiences and topics that at least one page or material is tagged with: the hubs worth a page. */
export async function usedVocabulary(): Promise<{ audiences: Audience[]; topics: Topic[] }> {
  const tagged = [
    ...(await getCollection('pages')).map((p) => p.data),
    ...(await getCollection('materials')).map((m) => ({ audiences: [m.data.audience], topics: m.data.topics })),
  ];
  return {
    audiences: audiences.filter((a) => tagged.some((p) => p.audiences.includes(a))),
    topics: topics.filter((t) => tagged.some((p) => p.topics.includes(t))),
  };
}
