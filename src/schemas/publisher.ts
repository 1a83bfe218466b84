import { z } from 'astro/zod';

/**
 * Who publishes the site and runs the tip line: content/site/publisher.yaml. Readers see it in the
 * header (the logo), the footer and on the About page, so they know who is behind the numbers.
 * Descriptions are the CMS's hints.
 */
export const publisherSchema = z.object({
  name: z.string().trim().min(2).describe('The organisation that publishes this site and answers for what it says, as readers know it.'),
  logo: z
    .string()
    .regex(/^\/[\w./-]+\.svg$/, 'the address of an SVG file in public/, such as /logo.svg')
    .optional()
    .describe('Its logo: a small SVG file in public/, written as its address on the site, e.g. /logo.svg.'),
  contact: z
    .string()
    .regex(/^(\/|https:\/\/)/, 'a path on this site (/…) or an https:// address')
    .optional()
    .describe('Where readers and partners can reach the publisher: a page of this site (/en/about/) or an https:// address. Leave it empty until there is one.'),
  tiplineOperator: z.string().trim().min(2).optional().describe('The organisation that answers the SMS tip line, when it is not the publisher.'),
});

export type Publisher = z.output<typeof publisherSchema>;
