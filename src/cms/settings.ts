import { z } from 'astro/zod';

/**
 * Where the CMS saves, read from the build's environment (documented in .env.example and the
 * README). With no GitHub repository set, /admin/ works only in local mode (`npm run cms`), where
 * decap-server writes content/ on this computer.
 */
const settingsSchema = z.object({
  /** CMS_GITHUB_REPO: "owner/name" of the repository the CMS commits to. */
  githubRepo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name of a GitHub repository, e.g. safe-journeys/site')
    .optional(),
  /** CMS_GITHUB_BRANCH: the branch the site is built from. */
  branch: z.string().min(1).default('main'),
  /** SITE_URL: the public site, for "view on site" links. */
  siteUrl: z.url(),
  /** CMS_AUTH_URL: the origin that serves /api/auth (our functions); by default the site's. */
  authBaseUrl: z.url(),
});

export type CmsSettings = z.output<typeof settingsSchema>;

const variables: Record<keyof CmsSettings, string> = {
  githubRepo: 'CMS_GITHUB_REPO',
  branch: 'CMS_GITHUB_BRANCH',
  siteUrl: 'SITE_URL',
  authBaseUrl: 'CMS_AUTH_URL',
};

export function cmsSettings(env: Record<string, string | undefined>): CmsSettings {
  const siteUrl = env.SITE_URL || 'http://localhost:4321';
  const parsed = settingsSchema.safeParse({
    githubRepo: env.CMS_GITHUB_REPO || undefined,
    branch: env.CMS_GITHUB_BRANCH || undefined,
    siteUrl,
    authBaseUrl: env.CMS_AUTH_URL || new URL(siteUrl).origin,
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${variables[i.path[0] as keyof CmsSettings]}: ${i.message}`);
  throw new Error(`CMS settings are not valid:\n  ${problems.join('\n  ')}`);
}
