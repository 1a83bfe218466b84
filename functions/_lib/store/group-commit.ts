/**
 * Group commit: items that arrive while the store is busy wait, and are then written together, in
 * one transaction. A quiet line writes each item at once, as it comes; a busy one pays for a
 * transaction per batch rather than per item. The embedded store has one connection, so this is
 * what lets it keep up with a burst of messages.
 */
export interface GroupCommitOptions {
  /** Largest number of items written in one transaction. */
  maxBatch: number;
  /** Transactions under way at once: 1 for a store with one connection. */
  concurrency: number;
  /** Whether an error is a conflict that a fresh attempt can get past (another writer got there first). */
  isConflict: (error: unknown) => boolean;
  /** Attempts for one item whose transaction fails on a conflict. */
  attempts?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Returns a function that writes one item and resolves with its output once its transaction has
 * committed. `writeBatch` writes all the items it is given in one transaction and returns one
 * output per item, in order; when it throws, nothing it was given was written.
 */
export function groupCommit<I, O>(writeBatch: (items: I[]) => Promise<O[]>, options: GroupCommitOptions): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  const attempts = options.attempts ?? 3;
  let running = 0;

  async function writeAlone(item: I): Promise<O> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await writeBatch([item]))[0];
      } catch (error) {
        if (attempt >= attempts || !options.isConflict(error)) throw error;
      }
    }
  }

  async function write(batch: Waiting<I, O>[]): Promise<void> {
    if (batch.length === 1) {
      await writeAlone(batch[0].item).then(batch[0].resolve, batch[0].reject);
      return;
    }
    let outputs: O[];
    try {
      outputs = await writeBatch(batch.map((w) => w.item));
    } catch {
      // The whole batch rolled back. One bad item must not cost the others their place: write each
      // on its own, so only the items that fail by themselves report an error.
      for (const waiting of batch) await writeAlone(waiting.item).then(waiting.resolve, waiting.reject);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(outputs[i]));
  }

  function next(): void {
    while (running < options.concurrency && queue.length) {
      const batch = queue.splice(0, options.maxBatch);
      running += 1;
      void write(batch).finally(() => {
        running -= 1;
        next();
      });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Start after the event loop has taken in the other requests that are ready, so they join.
      if (queue.length === 1) setImmediate(next);
    });
}
