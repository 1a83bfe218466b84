import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import health from '../../functions/health';
import sms from '../../functions/sms';
import auth from '../../functions/auth';
import { secured } from '../../functions/_lib/secure-headers';

// Netlify calls each function's default export and never applies the site's _headers to it: the
// headers must come from the function itself.
function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('Content-Security-Policy'), what).toMatch(/^default-src 'none'/);
  expect(response.headers.get('Strict-Transport-Security'), what).toBe('max-age=31536000; includeSubDomains');
  expect(response.headers.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(response.headers.get('Cache-Control'), what).toBe('no-store');
  expect(response.headers.get('Referrer-Policy'), what).toBe('no-referrer');
}

describe('the functions, called as Netlify calls them', () => {
  it('send the security headers on every answer', async () => {
    // The SMS function starts the tip line from the environment: in local mode, in a folder of its own.
    vi.stubEnv('DATA_DIR', mkdtempSync(join(tmpdir(), 'function-headers-')));
    expectSecurityHeaders(await health(new Request('https://tips.example.org/api/health')), 'health');
    expectSecurityHeaders(await auth(new Request('https://tips.example.org/api/auth?provider=github')), 'auth, not set up');
    // An unsigned SMS webhook: refused, and the refusal carries the headers too.
    const refused = await sms(new Request('https://tips.example.org/api/sms', { method: 'POST', body: 'Body=hi' }));
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, 'sms, refused');
  });

  it('answer 503 with the headers when a function fails, keeping the reason for the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = secured(async () => {
      throw new Error('TIPLINE_MODE=production refuses to start: PUBLIC_BASE_URL must be https://');
    });
    const response = await failing(new Request('https://tips.example.org/api/sms', { method: 'POST' }));
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('TIPLINE_MODE');
    expectSecurityHeaders(response, 'failure');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('/api/sms failed: TIPLINE_MODE=production refuses'));
    log.mockRestore();
  });

  it('add them to a response whose headers cannot be changed, such as a redirect', async () => {
    const moved = secured(async () => Response.redirect('https://tips.example.org/en/', 302));
    const response = await moved(new Request('https://tips.example.org/api/somewhere'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('https://tips.example.org/en/');
    expectSecurityHeaders(response, 'redirect');
  });

  it('keep a header the function sets itself', async () => {
    const page = secured(async () => new Response('<p>hi</p>', { headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'sha256-x'" } }));
    expect((await page(new Request('https://tips.example.org/api/auth/callback'))).headers.get('Content-Security-Policy')).toBe("default-src 'none'; script-src 'sha256-x'");
  });
});
