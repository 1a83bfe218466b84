import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { localeCodes } from '../i18n/locales';
import { adminContentSecurityPolicy, securityHeaders } from '../safety/security-headers';
import { cmsSettings } from '../cms/settings';

/** Every script the pages inline, as they inline it (trimmed), so the hashes match byte for byte. */
export const inlineScriptFiles = ['src/safety/quick-exit.js', 'src/scripts/print-button.js'];

export function readInlineScripts(root: URL): string[] {
  return inlineScriptFiles.map((file) => readFileSync(new URL(file, root), 'utf8').trim());
}

/**
 * Netlify's _headers file: the same headers the local server sends (it reads this file). Every
 * path gets the reading pages' headers; /admin/* then replaces the Content-Security-Policy with the
 * content manager's own (a later rule's header wins, on Netlify and on the local server).
 */
export function headersFile(inlineScripts: string[], cms = cmsSettings(process.env)): string {
  const lines = Object.entries(securityHeaders(inlineScripts)).map(([k, v]) => `  ${k}: ${v}`);
  const admin = `  Content-Security-Policy: ${adminContentSecurityPolicy({ github: Boolean(cms.githubRepo) })}`;
  return ['/*', ...lines, '/admin/*', admin, ''].join('\n');
}

/**
 * Netlify's _redirects file: `/` goes to the reader's language when the browser names one we have
 * (otherwise the language picker at / is served), and each locale has its own 404 page.
 */
export function redirectsFile(): string {
  const byLanguage = localeCodes.map((code) => `/  /${code}/  302  Language=${code}`);
  const notFound = localeCodes.map((code) => `/${code}/*  /${code}/404/index.html  404`);
  return [...byLanguage, ...notFound, ''].join('\n');
}

/**
 * Keeps public/_headers and public/_redirects (Netlify's files, which Astro copies into dist/) in
 * step with their sources: they are written at the start of every build and dev run, because the
 * Content-Security-Policy must carry the hashes of the inline scripts as they are now. They are
 * committed so that they can be read and reviewed; a test fails if a committed copy is stale.
 */
export default function hostFiles(): AstroIntegration {
  return {
    name: 'host-files',
    hooks: {
      'astro:config:setup': ({ config }) => {
        writeFileSync(new URL('_headers', config.publicDir), headersFile(readInlineScripts(config.root)));
        writeFileSync(new URL('_redirects', config.publicDir), redirectsFile());
      },
    },
  };
}
