import type { LeasedSms } from '../store/outbox-rows.ts';
import { deliver, drainAll, type OutboxContext } from './delivery.ts';

/**
 * Sends in the background, as soon as they are queued, so responders hear of a tip in seconds
 * rather than at the next scheduled run. `send` takes messages leased when they were queued (no
 * second trip to the store); `kick` sends whatever else is due. One run at a time: what arrives
 * during a run goes out in the next. A failure leaves messages queued for their retry.
 */
export function outboxPump(ctx: OutboxContext) {
  let running: Promise<void> | undefined;
  let leased: LeasedSms[] = [];
  let kicked = false;
  async function run(): Promise<void> {
    while (leased.length || kicked) {
      const batch = leased;
      leased = [];
      const drain = kicked;
      kicked = false;
      try {
        if (batch.length) await deliver(ctx, batch);
        if (drain) await drainAll(ctx);
      } catch (error) {
        // What was not marked sent stays queued, and is sent when its lease runs out.
        console.error(`Sending queued messages failed: ${(error as Error).name}`);
      }
    }
  }
  function start(): void {
    if (running) return;
    running = run().finally(() => {
      running = undefined;
      if (leased.length || kicked) start();
    });
  }
  return {
    send(messages: LeasedSms[]): void {
      if (!messages.length) return;
      leased.push(...messages);
      start();
    },
    kick(): void {
      kicked = true;
      start();
    },
  };
}
