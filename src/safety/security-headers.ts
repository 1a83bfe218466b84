import { createHash } from 'node:crypto';

/** The value a CSP needs to allow one inline script: its SHA-256 in base64, quoted. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/**
 * A reader at risk may be watched: nothing on the site may reach another origin, set a cookie or
 * leak where they were. Scripts run only from this site's own files (the search page and
 * Pagefind) or inline by their hash (the quick exit), never 'unsafe-inline', so an injected
 * inline script cannot run. 'wasm-unsafe-eval' lets Pagefind start its WebAssembly.
 */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The content manager at /admin/ (Decap CMS, for staff, never linked from the site) needs more than
 * a reading page: its styling library injects <style> elements ('unsafe-inline' styles), its
 * config validator compiles schemas with new Function ('unsafe-eval'), previews and media use
 * blob: and data: URLs. Scripts still come only from this site's files. With the GitHub backend
 * it talks to GitHub's API and shows avatars and media from GitHub; in local mode it reaches
 * nothing but this origin.
 */
export function adminContentSecurityPolicy(options: { github: boolean }): string {
  const github = options.github ? ' https://api.github.com' : '';
  const githubImages = options.github ? ' https://avatars.githubusercontent.com https://raw.githubusercontent.com' : '';
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${githubImages}`,
    "font-src 'self' data:",
    `connect-src 'self'${github}`,
    "frame-src 'self' blob:",
    "child-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(inlineScripts: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(inlineScripts),
    // The quick exit leaves for another site: it must not learn which page the reader was on.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  };
}
