import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { audiences, topics } from '../../schemas/taxonomy';
import { posterFilterCss } from '../../utils/poster-filters';

/** The poster library's filter rules, as a stylesheet from this site (the CSP allows no inline style). */
export const GET: APIRoute = async () => {
  const country = (await getCollection('hotlines')).map((h) => h.data.country);
  const css = posterFilterCss({ country, audience: audiences, topic: topics });
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
