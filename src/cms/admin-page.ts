import { cmsSettings } from './settings';

/**
 * The head of /admin/: the settings the CMS starts with travel as JSON data (never as code, so the
 * Content-Security-Policy needs no inline script), with `<` escaped so no setting can close the
 * element. Used by src/pages/admin/index.astro and, in dev, by src/integrations/cms-dev.ts.
 */
export function adminHead(env: Record<string, string | undefined>): string {
  const settings = JSON.stringify(cmsSettings(env)).replace(/</g, '\\u003c');
  return [
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="robots" content="noindex" />',
    '<title>Content manager</title>',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
    `<script type="application/json" id="cms-settings">${settings}</script>`,
  ].join('\n');
}
