/**
 * Translation provenance. A translation records, in its frontmatter field `translatedFrom`, a
 * fingerprint of the English text it was made from. When the English text changes, so does its
 * fingerprint, and the translation is known to be behind. The same code runs in Node (the build,
 * `npm run translations`) and in a browser (the CMS): it uses only Web Crypto and plain values.
 */

/**
 * The frontmatter fields a translator translates, per localized collection. The other fields are
 * shared with the English file (audiences, topics, ages…) or are not text (dates, order), so
 * changing them does not make a translation stale.
 */
export const translatedFields = {
  pages: ['title', 'description'],
  materials: ['title', 'summary', 'needs', 'objectives'],
  campaigns: ['name', 'message', 'summary'],
} as const;

export type LocalizedCollection = keyof typeof translatedFields;

export const localizedCollections = Object.keys(translatedFields) as LocalizedCollection[];

/** Hex digits kept of the SHA-256: 48 bits, plenty to tell versions of one text apart. */
const FINGERPRINT_LENGTH = 12;

/** What `translatedFrom` must look like. */
export const fingerprintPattern = new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`);

/**
 * The part of an English entry that its translations render, in one canonical string: the
 * translated fields (a missing field and an empty list count the same, as the schema defaults one
 * to the other) and the body, with line endings and trailing spaces evened out.
 */
export function translatableText(collection: LocalizedCollection, data: Record<string, unknown>, body: string): string {
  const fields = translatedFields[collection].map((name) => {
    const value = data[name];
    return [name, value === undefined || (Array.isArray(value) && value.length === 0) ? null : value];
  });
  const text = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return JSON.stringify({ fields, body: text });
}

/** The fingerprint of an English entry: the first 12 hex digits of the SHA-256 of its translatable text. */
export async function sourceFingerprint(
  collection: LocalizedCollection,
  data: Record<string, unknown>,
  body: string,
): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(translatableText(collection, data, body)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, FINGERPRINT_LENGTH);
}

/**
 * Where a translation stands against the English as it is now: `stale` when it was made from an
 * earlier English text, `unstamped` when it does not say what it was made from.
 */
export type TranslationState = 'current' | 'stale' | 'unstamped';

export function translationState(translatedFrom: string | undefined, englishFingerprint: string): TranslationState {
  if (!translatedFrom) return 'unstamped';
  return translatedFrom === englishFingerprint ? 'current' : 'stale';
}
