import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPosters, copyPostersToSite } from '../posters/build.ts';
import type { PosterManifest } from '../posters/manifest.ts';

/**
 * Makes the posters at the start of `astro build`, before any page is rendered (the library pages
 * list the files and their sizes), and copies them into the site when it is built.
 * `npm run build:production` sets REQUIRE_RENDERED_POSTERS=1: there, a missing Chromium or an
 * unset SITE_URL (the QR codes' origin) stops the build, and every poster × language × country
 * is rendered; other builds render the everyday subset unless POSTERS=all.
 */
export default function posters(): AstroIntegration {
  let root = '';
  let site = '';
  let manifest: PosterManifest | undefined;
  return {
    name: 'posters',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? '';
      },
      'astro:build:start': async ({ logger }) => {
        const production = process.env.REQUIRE_RENDERED_POSTERS === '1';
        if (production && !process.env.SITE_URL) {
          throw new Error('Posters: set SITE_URL to the public origin (e.g. https://example.org): every QR code points there.');
        }
        const started = performance.now();
        const scope = production || process.env.POSTERS === 'all' ? 'all' : 'everyday';
        manifest = await buildPosters({ root, siteUrl: site, requireRendered: production, scope, log: (line) => logger.info(line) });
        if (manifest.missing) logger.warn(manifest.missing);
        else {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`${manifest.rendered} poster variants rendered, ${manifest.fromCache} from cache (${seconds} s, ${scope})`);
        }
      },
      'astro:build:done': ({ dir }) => {
        if (manifest) copyPostersToSite(manifest, fileURLToPath(dir));
      },
    },
  };
}
