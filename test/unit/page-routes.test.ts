import { describe, expect, it } from 'vitest';
import { pageRoutes, unreachableEntries } from '../../src/utils/page-routes';
import { localeCodes } from '../../src/i18n/locales';

const entries = [{ id: 'en/get-help' }, { id: 'fr/get-help' }, { id: 'en/about' }];

describe('page routes', () => {
  it('gives every locale a URL for every English page', () => {
    const routes = pageRoutes(entries);
    expect(routes).toHaveLength(localeCodes.length * 2);
    for (const locale of localeCodes) {
      expect(routes.filter((r) => r.locale === locale).map((r) => r.slug).sort()).toEqual(['about', 'get-help']);
    }
  });

  it('serves a translation where there is one', () => {
    const route = pageRoutes(entries).find((r) => r.locale === 'fr' && r.slug === 'get-help')!;
    expect(route.entry.id).toBe('fr/get-help');
    expect(route.isFallback).toBe(false);
  });

  it('serves the English text, flagged as a fallback, where there is none', () => {
    const route = pageRoutes(entries).find((r) => r.locale === 'km' && r.slug === 'about')!;
    expect(route.entry.id).toBe('en/about');
    expect(route.isFallback).toBe(true);
  });

  it('never flags the English page itself as a fallback', () => {
    expect(pageRoutes(entries).filter((r) => r.locale === 'en').every((r) => !r.isFallback)).toBe(true);
  });

  it('finds translations nobody can reach', () => {
    expect(unreachableEntries([...entries, { id: 'fr/gett-help' }, { id: 'de/get-help' }])).toEqual([
      'fr/gett-help',
      'de/get-help',
    ]);
  });
});
