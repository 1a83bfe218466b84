import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFile, readInlineScripts, redirectsFile } from '../../src/integrations/host-files';
import { contentSecurityPolicy } from '../../src/safety/security-headers';
import { localeCodes } from '../../src/i18n/locales';

const root = new URL('../../', import.meta.url);
const scripts = readInlineScripts(root);
const [quickExit] = scripts;

describe('security headers', () => {
  it('allows the quick-exit script by its hash and no other inline script', () => {
    const csp = contentSecurityPolicy(scripts);
    for (const script of scripts) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("default-src 'none'");
  });

  it('keeps the quick-exit script under 2 KB', () => {
    expect(Buffer.byteLength(quickExit)).toBeLessThan(2048);
  });

  it('sends no referrer, so the site a reader leaves for cannot see where they were', () => {
    expect(headersFile(scripts)).toMatch(/^ {2}Referrer-Policy: no-referrer$/m);
  });

  it('ships public/_headers and public/_redirects as the build writes them', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile(scripts));
    expect(readFileSync('public/_redirects', 'utf8')).toBe(redirectsFile());
    // `npm test` builds first, which rewrites both files: a committed copy that was stale now
    // shows as changed. Commit the rewritten files.
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'public/_headers', 'public/_redirects'], { encoding: 'utf8' });
    expect(changed, 'public/_headers or public/_redirects changed in the build: commit them').toBe('');
  });

  it('redirects / by browser language and gives each locale its own 404', () => {
    const redirects = redirectsFile();
    for (const code of localeCodes) {
      expect(redirects).toContain(`/  /${code}/  302  Language=${code}`);
      expect(redirects).toContain(`/${code}/*  /${code}/404/index.html  404`);
    }
  });
});
