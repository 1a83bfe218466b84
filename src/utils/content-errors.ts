import type { z } from 'astro/zod';

/** Each problem zod found, as "path: what was expected", e.g. "RETENTION_DAYS: expected number". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/**
 * One message a member of campaign staff can act on: the file, then each field that is wrong
 * and what was expected, e.g.
 *   content/ui/en.json: field "nav.home": Invalid input: expected string, received undefined
 */
export function formatContentError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'the file';
    return `  ${field}: ${issue.message}`;
  });
  return [`${file} is not valid:`, ...lines].join('\n');
}
