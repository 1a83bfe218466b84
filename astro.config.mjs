// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { defaultLocale, localeCodes } from './src/i18n/locales.ts';
import hostFiles from './src/integrations/host-files.ts';
import searchIndex from './src/integrations/search-index.ts';
import cmsDev from './src/integrations/cms-dev.ts';
import posters from './src/integrations/posters.ts';
import voiceRecordings from './src/integrations/voice-recordings.ts';

export default defineConfig({
  // The public origin; only used for absolute URLs (hreflang alternates). Set SITE_URL in production.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  i18n: {
    defaultLocale,
    locales: localeCodes,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  build: {
    // One small cached stylesheet instead of inline <style>: the CSP then allows styles from 'self' only.
    inlineStylesheets: 'never',
  },
  // Never inline a bundled script: the CSP allows inline scripts only by hash (the quick exit).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [mdx(), hostFiles(), posters(), searchIndex(), cmsDev(), voiceRecordings()],
});
