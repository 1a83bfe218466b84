import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publisherSchema } from '../../src/schemas/publisher';

describe('the publisher setting', () => {
  it('as shipped, names the publisher and a logo that exists', () => {
    const data = publisherSchema.parse(parse(readFileSync('content/site/publisher.yaml', 'utf8')));
    expect(data.name.length).toBeGreaterThan(1);
    if (data.logo) expect(() => readFileSync(`public${data.logo}`)).not.toThrow();
  });

  it('takes only an SVG logo from the site and a contact on the site or over https', () => {
    expect(publisherSchema.safeParse({ name: 'Org', logo: '/logo.png' }).success).toBe(false);
    expect(publisherSchema.safeParse({ name: 'Org', logo: 'https://cdn.example/logo.svg' }).success).toBe(false);
    expect(publisherSchema.safeParse({ name: 'Org', contact: 'http://example.org' }).success).toBe(false);
    expect(publisherSchema.safeParse({ name: 'Org', logo: '/logo.svg', contact: '/en/about/' }).success).toBe(true);
  });
});
