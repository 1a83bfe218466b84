import { loadTiplineConfig, type TiplineConfig } from './config.ts';
import { loadHotlines, loadTiplineTexts } from './content.ts';
import { openDatabase } from './db.ts';
import type { IntakeContext } from './intake.ts';
import { loadDirectory } from './directory.ts';
import { logSender, twilioSender, type Sender } from './outbox.ts';

export interface Tipline extends IntakeContext {
  config: TiplineConfig;
  sender: Sender;
}

/** Opens everything the tip line needs: configuration (checked), content, the store. */
export async function startTipline(env: NodeJS.ProcessEnv = process.env): Promise<Tipline> {
  const config = loadTiplineConfig(env, Number(env.PORT ?? 4321));
  const directory = loadDirectory(config.responderDirectory);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const sms = config.sms;
  return {
    config,
    db,
    directory,
    sender: sms.transport === 'twilio' ? twilioSender({ ...config.twilio, from: sms.from, apiBaseUrl: sms.apiBaseUrl }) : logSender,
    texts: loadTiplineTexts(),
    hotlines: loadHotlines(),
    encryptionKey: config.encryptionKey,
    pseudonymKey: config.pseudonymKey,
    autoReply: config.autoReply,
    lineCountry: config.lineCountry,
  };
}

let running: Promise<Tipline> | undefined;

/** The tip line of this process, started on first use (a serverless function keeps it warm). */
export function tipline(): Promise<Tipline> {
  running ??= startTipline();
  return running;
}
