import { loadTiplineConfig, type TiplineConfig } from './config.ts';
import { loadHotlines, loadTiplineTexts } from './content.ts';
import { openStore } from './db.ts';
import { groupCommit } from './group-commit.ts';
import { receiveSmsBatch, type InboundSms, type IntakeContext, type IntakeResult } from './intake.ts';
import { loadDirectory } from './directory.ts';
import { logSender, outboxPump, twilioSender, type Sender } from './outbox.ts';

export interface Tipline extends IntakeContext {
  config: TiplineConfig;
  sender: Sender;
  /** Takes in one SMS; messages that arrive together share a transaction (group commit). */
  intake: (sms: InboundSms) => Promise<IntakeResult>;
}

/** PostgreSQL's codes for "another transaction got there first": worth one more try. */
const conflictCodes = new Set(['23505', '40001', '40P01']);
const isConflict = (error: unknown) => conflictCodes.has((error as { code?: string })?.code ?? '');

export interface TiplineOptions {
  /**
   * Send what a batch of SMS queued as soon as it is stored, in the background (the local server).
   * Without it, queued messages go out when the jobs run (tests drain the outbox themselves).
   */
  sendAtOnce?: boolean;
}

/** Opens everything the tip line needs: configuration (checked), content, the store. */
export async function startTipline(env: NodeJS.ProcessEnv = process.env, options: TiplineOptions = {}): Promise<Tipline> {
  const config = loadTiplineConfig(env, Number(env.PORT ?? 4321));
  const directory = loadDirectory(config.responderDirectory);
  const { db, thread } = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const sms = config.sms;
  const context: IntakeContext = {
    db,
    directory,
    texts: loadTiplineTexts(),
    hotlines: loadHotlines(),
    encryptionKey: config.encryptionKey,
    pseudonymKey: config.pseudonymKey,
    autoReply: config.autoReply,
    lineCountry: config.lineCountry,
  };
  const sender = sms.transport === 'twilio' ? twilioSender({ ...config.twilio, from: sms.from, apiBaseUrl: sms.apiBaseUrl }) : logSender;
  const pump = outboxPump(db, config.encryptionKey, sender);
  // The embedded store takes in a batch on its own thread; a server, through the pool.
  const { db: _, ...settings } = context;
  if (thread) await thread.configure(settings);
  const takeIn = (batch: InboundSms[], leaseQueued: boolean) =>
    thread ? thread.receiveSmsBatch(batch, { leaseQueued }) : receiveSmsBatch(context, batch, { leaseQueued });
  return {
    ...context,
    config,
    sender,
    // The embedded store has one connection: one transaction at a time. A server takes a few.
    intake: groupCommit(async (batch: InboundSms[]) => {
      const { results, leased } = await takeIn(batch, options.sendAtOnce ?? false);
      if (options.sendAtOnce) {
        pump.send(leased);
        // A responder's answer to a reporter is queued by responders.ts, due at once.
        if (results.some((r) => r.outcome === 'responder')) pump.kick();
      }
      return results;
    }, {
      maxBatch: 100,
      concurrency: config.databaseUrl ? 4 : 1,
      isConflict,
    }),
  };
}

let running: Promise<Tipline> | undefined;

/**
 * The tip line of this process, started on first use (a serverless function keeps it warm). The
 * options of the first call, which starts it, are the ones it keeps.
 */
export function tipline(options?: TiplineOptions): Promise<Tipline> {
  running ??= startTipline(process.env, options);
  return running;
}
