/** A heading as Astro's render() reports it for a Markdown or MDX entry. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * About three screens of a 360x740 phone, in characters of body text: a page longer than this gets
 * a table of contents. Measured on the English and Khmer pages: a screen shows about 550 to 600
 * characters of body text (Get help: 1,301 characters, 2.3 screens).
 */
const LONG_PAGE_CHARACTERS = 1800;

/** The sections to list at the top of a long page: its second-level headings, when there are three or more. */
export function tableOfContents(headings: Heading[], body: string): Heading[] {
  const sections = headings.filter((h) => h.depth === 2);
  return body.length > LONG_PAGE_CHARACTERS && sections.length >= 3 ? sections : [];
}
