import type { CollectionEntry } from 'astro:content';
import type { PageRoute } from './page-routes';

type MaterialRoute = PageRoute<CollectionEntry<'materials'>>;

/**
 * Up to `limit` other materials in the same locale that share the audience and a topic, the
 * closest first (most topics in common), then in title order.
 */
export function relatedMaterials(route: MaterialRoute, all: MaterialRoute[], limit = 4): MaterialRoute[] {
  const { audience, topics } = route.original.data;
  const shared = (r: MaterialRoute) => r.original.data.topics.filter((t) => topics.includes(t)).length;
  return all
    .filter((r) => r.locale === route.locale && r.slug !== route.slug && r.original.data.audience === audience)
    .filter((r) => shared(r) > 0)
    .sort((a, b) => shared(b) - shared(a) || a.entry.data.title.localeCompare(b.entry.data.title))
    .slice(0, limit);
}
