import { EXAMPLE_RESPONDER_DIRECTORY, tiplineEnvSchema } from './config.ts';
import { describeIssues } from '../../src/utils/content-errors.ts';
import { loadDirectory } from './routing/directory.ts';

/**
 * What the tip line promises a reporter, made from its own settings, so that no page and no
 * voice prompt can promise more than the line does: the site's privacy page and the report page's
 * notice at build, the voice line's recording notice when it speaks. The build and the functions
 * read the same variables (RETENTION_DAYS, AUTO_REPLY, RESPONDER_DIRECTORY).
 */
export interface PrivacyPromise {
  /** Days a conversation is kept after its last message, then deleted with everything in it. */
  retentionDays: number;
  /** Whether the line sends SMS to reporters at all (AUTO_REPLY=off: never). */
  textsReporters: boolean;
  /** Who reads tips: the teams of the responder directory, by the names staff gave them. */
  teams: string[];
  /** Texts and numbers are stored sealed with AES-256-GCM; the line cannot run without its key. */
  encrypted: true;
}

const promiseSettings = tiplineEnvSchema.pick({ RETENTION_DAYS: true, AUTO_REPLY: true, RESPONDER_DIRECTORY: true });

export function privacyPromise(env: NodeJS.ProcessEnv = process.env): PrivacyPromise {
  const parsed = promiseSettings.safeParse(env);
  if (!parsed.success) throw new Error(`The tip line's settings are not valid:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  const settings = parsed.data;
  const directory = loadDirectory(settings.RESPONDER_DIRECTORY ?? EXAMPLE_RESPONDER_DIRECTORY);
  return {
    retentionDays: settings.RETENTION_DAYS,
    textsReporters: settings.AUTO_REPLY === 'on',
    teams: directory.groups.map((g) => g.name),
    encrypted: true,
  };
}
