import { z } from 'astro/zod';

/**
 * Who publishes the site and runs the tip line: content/site/publisher.yaml. Readers see it in the
 * header (the logo), the footer and on the About page, so they know who is behind the numbers.
 */
export const publisherSchema = z.object({
  /** The organisation that publishes this site and answers for what it says, as readers know it. */
  name: z.string().trim().min(2),
  /** Its logo: a small SVG file in public/, written as its address on the site, e.g. "/logo.svg". */
  logo: z.string().regex(/^\/[\w./-]+\.svg$/, 'the address of an SVG file in public/, such as /logo.svg').optional(),
  /** Where readers and partners can reach the publisher: a page of this site ("/en/about/") or an https:// address. Leave it out until there is one. */
  contact: z.string().regex(/^(\/|https:\/\/)/, 'a path on this site (/…) or an https:// address').optional(),
  /** The organisation that answers the SMS tip line, when it is not the publisher. */
  tiplineOperator: z.string().trim().min(2).optional(),
});

export type Publisher = z.output<typeof publisherSchema>;
