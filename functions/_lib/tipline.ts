import { loadTiplineConfig, type TiplineConfig } from './config.ts';
import { loadHotlines, loadTiplineTexts } from './content.ts';
import { keyring } from './crypto.ts';
import type { ThreadBatch } from './intake/on-store-thread.ts';
import type { InboundMessage, IntakeContext, IntakeResult, IntakeSettings } from './intake/message.ts';
import { receiveBatch, type BatchOutcome } from './intake/receive.ts';
import { receiveResponderMessage } from './intake/responder-commands.ts';
import { outboxPump } from './outbox/pump.ts';
import { logSender, twilioSender, type Sender } from './outbox/senders.ts';
import { indexResponders, loadDirectory } from './routing/directory.ts';
import { groupCommit } from './store/group-commit.ts';
import { openStore } from './store/open.ts';
import type { StoreKeys } from './store/schema.ts';

/**
 * The tip line, put together: configuration, content, the store, the intake and the outbox. A
 * channel's handler hands it an InboundMessage; the jobs take it as their context.
 */
export interface Tipline extends IntakeContext {
  config: TiplineConfig;
  sender: Sender;
  /** Takes in one message; messages that arrive together share a transaction (group commit). */
  intake: (message: InboundMessage) => Promise<IntakeResult>;
}

/** PostgreSQL's codes for "another transaction got there first": worth one more try. */
const conflictCodes = new Set(['23505', '40001', '40P01']);
const isConflict = (error: unknown) => conflictCodes.has((error as { code?: string })?.code ?? '');

export interface TiplineOptions {
  /**
   * Send what a batch of messages queued as soon as it is stored, in the background (the local
   * server). Without it, queued messages go out when the jobs run (tests drain the outbox themselves).
   */
  sendAtOnce?: boolean;
}

/** The keys the store and the intake seal, open and pseudonymise with. */
export function storeKeys(config: TiplineConfig): StoreKeys {
  return { sealing: keyring(config.encryptionKeys.current, config.encryptionKeys.older), pseudonymKey: config.pseudonymKey };
}

/** Opens everything the tip line needs: configuration (checked), content, the store. */
export async function startTipline(env: NodeJS.ProcessEnv = process.env, options: TiplineOptions = {}): Promise<Tipline> {
  const config = loadTiplineConfig(env, Number(env.PORT ?? 4321));
  const keys = storeKeys(config);
  const { db, thread } = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, keys });
  const directory = loadDirectory(config.responderDirectory);
  const settings: IntakeSettings = {
    directory,
    responders: indexResponders(directory, config.pseudonymKey),
    limits: config.limits,
    eraseDelayMs: config.eraseDelayMs,
    texts: loadTiplineTexts(),
    hotlines: loadHotlines(),
    ...keys,
    autoReply: config.autoReply,
    lineCountry: config.lineCountry,
    publicBaseUrl: config.publicBaseUrl,
  };
  const context: IntakeContext = { ...settings, db };
  const sms = config.sms;
  const sender = sms.transport === 'twilio' ? twilioSender({ ...config.twilio, from: sms.from, apiBaseUrl: sms.apiBaseUrl }) : logSender;
  const pump = outboxPump({ ...context, sender });
  // The embedded store takes in a whole batch on its own thread; a server, through the pool.
  const takeIn = thread
    ? await thread.load<IntakeSettings, ThreadBatch, BatchOutcome>(new URL('./intake/on-store-thread.ts', import.meta.url), settings)
    : (input: ThreadBatch) => receiveBatch(context, input.batch, input);
  // The embedded store has one connection: one transaction at a time. A server takes a few.
  const takeInReports = groupCommit(async (batch: InboundMessage[]) => {
    const { results, leased } = await takeIn({ batch, leaseQueued: options.sendAtOnce ?? false });
    if (options.sendAtOnce) pump.send(leased);
    return results;
  }, {
    maxBatch: 100,
    concurrency: config.databaseUrl ? 4 : 1,
    isConflict,
  });
  return {
    ...context,
    config,
    sender,
    // Only numbers in the responder directory are responders; everyone else is a reporter.
    async intake(message: InboundMessage) {
      const responder = settings.responders.byPhone.get(message.from);
      if (!responder) return takeInReports(message);
      const result = await receiveResponderMessage(context, responder, message);
      // A responder's answer to a reporter is queued due at once.
      if (options.sendAtOnce) pump.kick();
      return result;
    },
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
