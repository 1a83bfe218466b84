import { keyring } from '../crypto.ts';
import type { StoreThreadModule } from '../store/pglite-on-thread.ts';
import type { Db } from '../store/schema.ts';
import type { InboundMessage, IntakeSettings } from './message.ts';
import { receiveBatch, type BatchOutcome } from './receive.ts';

export type ThreadBatch = { batch: InboundMessage[]; leaseQueued: boolean };

/**
 * Loaded by the embedded store's thread (store/pglite-on-thread.ts): takes in whole batches there,
 * start to commit, without a trip between threads for each statement.
 */
export const onStoreThread: StoreThreadModule<IntakeSettings, ThreadBatch, BatchOutcome>['onStoreThread'] = (db: Db, settings) => {
  // Keys cross threads as plain bytes; the crypto helpers expect Buffers.
  const older = [...settings.sealing.byId.values()].map((key) => Buffer.from(key));
  const ctx = { ...settings, db, sealing: keyring(Buffer.from(settings.sealing.current.key), older), pseudonymKey: Buffer.from(settings.pseudonymKey) };
  return ({ batch, leaseQueued }) => receiveBatch(ctx, batch, { leaseQueued });
};
