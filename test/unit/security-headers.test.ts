import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headersFile, readQuickExitScript, redirectsFile } from '../../src/integrations/host-files';
import { contentSecurityPolicy } from '../../src/safety/security-headers';
import { localeCodes } from '../../src/i18n/locales';

const root = new URL('../../', import.meta.url);
const script = readQuickExitScript(root);

describe('security headers', () => {
  it('allows the quick-exit script by its hash and nothing else inline', () => {
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = contentSecurityPolicy([script]);
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
  });

  it('keeps the quick-exit script under 2 KB', () => {
    expect(Buffer.byteLength(script)).toBeLessThan(2048);
  });

  it('sends no referrer, so the site a reader leaves for cannot see where they were', () => {
    expect(headersFile(script)).toMatch(/^ {2}Referrer-Policy: no-referrer$/m);
  });

  it('redirects / by browser language and gives each locale its own 404', () => {
    const redirects = redirectsFile();
    for (const code of localeCodes) {
      expect(redirects).toContain(`/  /${code}/  302  Language=${code}`);
      expect(redirects).toContain(`/${code}/*  /${code}/404/index.html  404`);
    }
  });
});
