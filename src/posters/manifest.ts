import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormatId } from './formats.ts';
import type { UnbuiltPoster } from './variants.ts';

/**
 * What a build made: every variant's files (or printable pages) and the posters not made. The
 * renderer writes it at the start of the build; the site's poster pages read it.
 */
export interface PosterFile {
  format: FormatId;
  /** Path under the site's root, e.g. /posters/false-job-offers/false-job-offers-km-kh-a4.pdf */
  url: string;
  bytes: number;
}

export interface BuiltVariant {
  id: string;
  /** The hash of everything its files are made from: their folder in the cache. */
  hash: string;
  slug: string;
  locale: string;
  country: string;
  /** Present when Chromium rendered the files. */
  files: PosterFile[];
  /** The printable HTML of each format, served when Chromium was missing. */
  printable: { format: FormatId; url: string }[];
}

export interface PosterManifest {
  scope: 'all' | 'everyday';
  /** The origin the QR codes point to. */
  siteUrl: string;
  /** Where the files are cached. */
  cache: string;
  /** Where this build staged the printable HTML when Chromium was missing (until the site is built). */
  stage: string | null;
  /** Why no file was rendered (Chromium missing), or null when every variant was. */
  missing: string | null;
  variants: BuiltVariant[];
  unbuilt: UnbuiltPoster[];
  rendered: number;
  fromCache: number;
}

/** Where rendered files are kept between builds, by the hash of their inputs. */
export function cacheDir(root: string): string {
  return join(root, 'node_modules/.cache/posters');
}

export const manifestFile = (cache: string) => join(cache, 'manifest.json');

/** The manifest of the last build, or null before the first. */
export function readPosterManifest(root: string): PosterManifest | null {
  const file = manifestFile(cacheDir(root));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PosterManifest) : null;
}
