import { getCollection } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { audiences, topics, type Audience, type Topic } from '../schemas/taxonomy';
import { pageRoutes } from './page-routes';

/** The pages of one locale, in topic order, with the audiences and topics set on their original. */
export async function localePages(locale: Locale) {
  return pageRoutes(await getCollection('pages'))
    .filter((route) => route.locale === locale)
    .sort((a, b) => a.original.data.order - b.original.data.order);
}

/** Audiences and topics that at least one page is tagged with: the hubs worth a page. */
export async function usedVocabulary(): Promise<{ audiences: Audience[]; topics: Topic[] }> {
  const originals = pageRoutes(await getCollection('pages')).map((r) => r.original.data);
  return {
    audiences: audiences.filter((a) => originals.some((p) => p.audiences.includes(a))),
    topics: topics.filter((t) => originals.some((p) => p.topics.includes(t))),
  };
}
