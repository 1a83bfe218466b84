import type { APIRoute } from 'astro';
import { translationReportPage } from '../../../cms/translation-report';
import { readContentFiles } from '../../../i18n/translation-files';

/** The translation report for staff, as the content stood when the site was built. */
export const GET: APIRoute = async () =>
  new Response(await translationReportPage(readContentFiles(process.cwd()), new Date()), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
