import { existsSync } from 'node:fs';
import { getEntry } from 'astro:content';

const file = 'content/site/publisher.yaml';

/** The publisher setting, with its logo checked: a missing file fails the build and names it. */
export async function publisher() {
  const entry = await getEntry('publisher', 'publisher');
  if (!entry) throw new Error(`${file} is missing: it names who publishes the site (src/schemas/publisher.ts).`);
  const { logo } = entry.data;
  if (logo && !existsSync(`public${logo}`)) throw new Error(`${file}: field "logo": no file public${logo}`);
  return entry.data;
}
