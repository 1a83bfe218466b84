import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localeInfo } from '../i18n/locales.ts';
import { allFontStylesheets } from './fonts.ts';
import { posterFormats, thumbnail, type FormatId } from './formats.ts';
import { qrSvg } from './qr.ts';
import { posterDocument } from './templates/document.ts';
import type { PosterView } from './templates/view.ts';
import { readHotlines, readPosterFiles, readUiStrings } from './content.ts';
import { everydayVariants, posterVariants, resolvePosters, type Variant } from './variants.ts';
import { PosterRenderer, renderJob } from './render.ts';
import { cacheDir, manifestFile, type PosterManifest } from './manifest.ts';
import { chromiumPath, findChromium } from '../utils/chromium.ts';
import { readBuildSettings } from '../utils/build-settings.ts';

/**
 * Bump when the rendering itself changes in a way the documents do not show (PDF options, image
 * encoding), so every cached file is made again.
 */
const RENDERER_VERSION = 1;

export interface BuildOptions {
  /** The project's root folder. */
  root: string;
  /** The public origin, for the QR codes. */
  siteUrl: string;
  /** Fail rather than fall back to printable HTML when Chromium is missing (production). */
  requireRendered?: boolean;
  /** Every poster × language × country, or the everyday subset (see everydayVariants). */
  scope?: 'all' | 'everyday';
  /** How many tabs render at once. */
  concurrency?: number;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Where rendered files and the manifest are kept; node_modules/.cache/posters by default. */
  cache?: string;
}

/**
 * Copies poster.css and the fonts it needs (only the woff2 files their stylesheets name) into
 * `<stage>/assets/`, and returns a hash of them all.
 */
function stageAssets(root: string, stage: string): string {
  const hash = createHash('sha256');
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    const bytes = readFileSync(from);
    writeFileSync(to, bytes);
    hash.update(to.slice(stage.length)).update(bytes);
  };
  copy(join(root, 'src/posters/templates/poster.css'), join(stage, 'assets/poster.css'));
  for (const sheet of allFontStylesheets) {
    const from = join(root, 'node_modules/@fontsource', sheet);
    copy(from, join(stage, 'assets/fonts', sheet));
    for (const [, file] of readFileSync(from, 'utf8').matchAll(/url\(\.\/(files\/[^)]+\.woff2)\)/g)) {
      copy(join(dirname(from), file), join(stage, 'assets/fonts', dirname(sheet), file));
    }
  }
  return hash.digest('hex');
}

function view(variant: Variant, siteUrl: string, label: (key: string) => string, tiplineSms?: string): Promise<PosterView> {
  const url = new URL(`/${variant.locale}/posters/${variant.slug}/`, siteUrl).href;
  return qrSvg(url).then((qr) => ({
    variant,
    dir: localeInfo(variant.locale).dir,
    countryName: new Intl.DisplayNames([variant.locale], { type: 'region' }).of(variant.country) ?? variant.country,
    labels: { call: label('hotlines.call'), text: label('hotlines.text'), emergency: label('hotlines.emergency'), scan: label('poster.scan') },
    tiplineSms,
    url,
    qr,
  }));
}

const fileName = (id: string, format: FormatId) =>
  `${id}-${format === thumbnail.id ? thumbnail.file : posterFormats.find((f) => f.id === format)!.file}`;

/**
 * Makes every poster variant: its HTML documents always, its PDFs and images with Chromium when
 * there is one. A variant whose documents, assets and renderer are unchanged since a previous
 * build is taken from the cache, not rendered again.
 */
export async function buildPosters(options: BuildOptions): Promise<PosterManifest> {
  const { root, siteUrl, log = () => {}, env = process.env } = options;
  const posters = resolvePosters(readPosterFiles(root));
  const scope = options.scope ?? 'all';
  const possible = posterVariants(posters, readHotlines(root));
  const variants = scope === 'all' ? possible.variants : everydayVariants(possible.variants);
  const { unbuilt } = possible;
  const strings = readUiStrings(root);
  const { PUBLIC_TIPLINE_SMS: tiplineSms } = readBuildSettings(env);

  const cache = options.cache ?? cacheDir(root);
  // This build's own folder for the documents it prints: another build may use the same cache at
  // the same time (two builds of one project), and must not find its documents emptied under it.
  mkdirSync(cache, { recursive: true });
  const stage = mkdtempSync(join(cache, 'stage-'));
  const assetsHash = stageAssets(root, stage);

  const chromium = findChromium(env);
  const missing = chromium
    ? null
    : `Posters: Chromium not found at ${chromiumPath(env)}; set CHROMIUM_PATH to render PDFs and images. The poster pages offer printable HTML instead.`;
  if (missing && options.requireRendered) throw new Error(`${missing}\nA production build needs the rendered posters.`);

  // Each variant's documents, and the hash of everything its files are made from.
  const planned: Planned[] = [];
  for (const variant of variants) {
    const posterView = await view(variant, siteUrl, (key) => strings(variant.locale, key), tiplineSms);
    const hash = createHash('sha256').update(`renderer ${RENDERER_VERSION}\nassets ${assetsHash}\n`);
    const documents = posterFormats.map((format, i) => {
      const htmlFile = join(stage, `${variant.id}-${format.id}.html`);
      const document = posterDocument(posterView, format);
      writeFileSync(htmlFile, document);
      hash.update(`${format.id}\n${document}\n`);
      const before = posterFormats[i - 1];
      const samePageAsBefore = before?.layout === format.layout && posterDocument(posterView, before).replace(`paper-${before.paper}`, `paper-${format.paper}`) === document;
      return { format, htmlFile, samePageAsBefore };
    });
    planned.push({ variant, documents, hash: hash.digest('hex').slice(0, 24) });
  }

  const filesDir = join(cache, 'files');
  const done = (hash: string) => existsSync(join(filesDir, hash, 'done'));
  const toRender = chromium ? planned.filter((p) => !done(p.hash)) : [];
  if (chromium) {
    try {
      if (toRender.length) await renderAll(chromium, toRender, stage, filesDir, options.concurrency ?? 2, log);
    } finally {
      // Rendered, the documents are no longer needed; without Chromium the site serves them.
      rmSync(stage, { recursive: true, force: true });
    }
    pruneCache(filesDir, new Set(planned.map((p) => p.hash)));
  }

  const manifest: PosterManifest = {
    scope,
    siteUrl,
    cache,
    stage: chromium ? null : stage,
    missing,
    unbuilt,
    rendered: toRender.length,
    fromCache: chromium ? planned.length - toRender.length : 0,
    variants: planned.map(({ variant, documents, hash }) => ({
      id: variant.id,
      hash,
      slug: variant.slug,
      locale: variant.locale,
      country: variant.country,
      files: chromium
        ? [...posterFormats.map((f) => f.id), thumbnail.id].map((format) => {
            const name = fileName(variant.id, format);
            return { format, url: `/posters/${variant.slug}/${name}`, bytes: statSync(join(filesDir, hash, name)).size };
          })
        : [],
      printable: chromium ? [] : documents.map(({ format }) => ({ format: format.id, url: `/posters/print/${variant.id}-${format.id}.html` })),
    })),
  };
  // Written whole, then moved into place: a build reading it never sees half of it.
  const written = `${manifestFile(cache)}.${process.pid}`;
  writeFileSync(written, JSON.stringify(manifest, null, 2));
  renameSync(written, manifestFile(cache));
  return manifest;
}

interface Planned {
  variant: Variant;
  documents: { format: (typeof posterFormats)[number]; htmlFile: string; samePageAsBefore: boolean }[];
  hash: string;
}

/** Renders the variants in `concurrency` tabs, logging n/N, the variant and its time. */
async function renderAll(executablePath: string, jobs: Planned[], stage: string, filesDir: string, concurrency: number, log: (line: string) => void) {
  const renderer = await PosterRenderer.open(executablePath);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    const page = await renderer.newPage();
    while (next < jobs.length) {
      const { variant, documents, hash } = jobs[next++];
      const started = performance.now();
      // Rendered in this build's stage, then moved into the cache whole: the cache never holds half a variant.
      const tmp = join(stage, 'rendered', hash);
      mkdirSync(tmp, { recursive: true });
      for (const { format, htmlFile, samePageAsBefore } of documents) {
        await renderJob(page, {
          format,
          htmlFile,
          samePageAsBefore,
          outFile: join(tmp, fileName(variant.id, format.id)),
          describe: `content/posters/${variant.locale}/${variant.slug}.yaml (${variant.country})`,
        });
      }
      writeFileSync(join(tmp, 'done'), '');
      mkdirSync(filesDir, { recursive: true });
      rmSync(join(filesDir, hash), { recursive: true, force: true });
      renameSync(tmp, join(filesDir, hash));
      finished += 1;
      log(`poster ${finished}/${jobs.length} ${variant.id} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  } finally {
    await renderer.close();
  }
}

/** Drops cached files no variant of this build uses, so the cache does not grow without end. */
function pruneCache(filesDir: string, keep: Set<string>) {
  if (!existsSync(filesDir)) return;
  for (const entry of readdirSync(filesDir)) {
    if (!keep.has(entry)) rmSync(join(filesDir, entry), { recursive: true, force: true });
  }
}

/**
 * Puts the build's poster files into the built site: rendered files under /posters/<slug>/, or,
 * without Chromium, the printable HTML and its assets under /posters/print/ (moved out of the
 * build's stage, which is then removed).
 */
export function copyPostersToSite(manifest: PosterManifest, outDir: string): void {
  const filesDir = join(manifest.cache, 'files');
  for (const variant of manifest.variants) {
    for (const file of variant.files) {
      const to = join(outDir, file.url);
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(filesDir, variant.hash, fileName(variant.id, file.format)), to);
    }
  }
  if (manifest.stage) {
    cpSync(manifest.stage, join(outDir, 'posters/print'), { recursive: true });
    rmSync(manifest.stage, { recursive: true, force: true });
  }
}
