import { readFileSync } from 'node:fs';
import { html, raw } from 'hono/html';
import { headersFor, parseHeadersFile } from '../../../../server/host-headers.ts';
import type { Locale } from '../../../../src/i18n/locales.ts';
import type { Html } from './views.ts';
import { projectFolder } from '../../content.ts';

/**
 * The pages the report function answers with are built pages of the reader's language
 * (dist/<locale>/report/…/index.html) with their own content: the same header, quick exit,
 * language, direction, stylesheet and footer as every page of the site, and the same security
 * headers (dist/_headers). DIST_DIR names another build folder, as it does for the local server.
 */
const distDir = process.env.DIST_DIR ? new URL(`file://${process.cwd()}/${process.env.DIST_DIR}/`) : projectFolder('dist', '_headers');

/** The built pages the function reuses: the report form and the form that opens a report. */
export type Template = 'report' | 'report/open';

const templates = new Map<string, string>();
function template(locale: Locale, slug: Template): string {
  const file = `${locale}/${slug}/index.html`;
  let built = templates.get(file);
  if (!built) {
    built = readFileSync(new URL(file, distDir), 'utf8');
    if (!/<main\b[^>]*>[\s\S]*<\/main>/.test(built) || !/<form class="report-form"/.test(built)) {
      throw new Error(`dist/${file} has no <main> with a report form: build the site again`);
    }
    templates.set(file, built);
  }
  return built;
}

let siteHeaders: [string, string][] | undefined;

function respond(locale: Locale, text: string, status: number, extra: Record<string, string> = {}): Response {
  siteHeaders ??= headersFor(parseHeadersFile(readFileSync(new URL('_headers', distDir), 'utf8')), `/${locale}/report/`);
  const headers = new Headers(siteHeaders);
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // It may hold a receipt or a report: no browser or proxy may keep a copy.
  headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(text, { status, headers });
}

/** The title in the tab: this page's, then the site's name as the template has it. */
function withTitle(built: string, title: string): string {
  const siteName = /<title>[^<]*·\s*([^<]*)<\/title>/.exec(built)?.[1] ?? '';
  return built.replace(/<title>[^<]*<\/title>/, () => String(html`<title>${title}${raw(siteName ? ` · ${siteName}` : '')}</title>`));
}

/** A page of its own (a receipt, a report and its answers), in the report page's frame. */
export function page(locale: Locale, options: { status: number; title: string; main: Html; headers?: Record<string, string> }): Response {
  const text = withTitle(template(locale, 'report'), options.title)
    .replace(/(<main\b[^>]*>)[\s\S]*(<\/main>)/, (_, open: string, close: string) => `${open}${String(options.main)}${close}`);
  return respond(locale, text, options.status, options.headers);
}

/**
 * A built page again, with its form as the reader filled it and the problems to put right: the
 * rest of the page (its explanations, the privacy notice) stays as it was built. The title starts
 * with `titlePrefix` ("Error:"), which a screen reader announces first.
 */
export function pageWithForm(locale: Locale, slug: Template, options: { status: number; titlePrefix: string; form: Html; headers?: Record<string, string> }): Response {
  const text = template(locale, slug)
    .replace('<title>', () => String(html`<title>${options.titlePrefix} `))
    .replace(/<form class="report-form"[\s\S]*?<\/form>/, () => String(options.form));
  return respond(locale, text, options.status, options.headers);
}
