import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../functions/_lib/store/group-commit';

const conflict = Object.assign(new Error('duplicate key value'), { code: '23505' });
const isConflict = (error: unknown) => (error as { code?: string }).code === '23505';

describe('group commit', () => {
  it('writes what arrives together in one batch, and each caller gets its own answer', async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    }, { maxBatch: 100, concurrency: 1, isConflict });
    const answers = await Promise.all([1, 2, 3, 4].map(write));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('writes items that arrive while a batch is being written in the next one, never more than maxBatch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await firstWrite;
      return items;
    }, { maxBatch: 2, concurrency: 1, isConflict });
    const first = write(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map(write);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('writes the items of a failed batch one by one, so one bad item fails alone', async () => {
    const write = groupCommit(async (items: number[]) => {
      if (items.includes(13)) throw new Error('this item cannot be stored');
      return items;
    }, { maxBatch: 100, concurrency: 1, isConflict });
    const results = await Promise.allSettled([12, 13, 14].map(write));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('tries an item again when another writer got there first, but not for ever', async () => {
    let attempts = 0;
    const flaky = groupCommit(async (items: number[]) => {
      attempts += 1;
      if (attempts < 3) throw conflict;
      return items;
    }, { maxBatch: 100, concurrency: 1, isConflict });
    expect(await flaky(7)).toBe(7);
    expect(attempts).toBe(3);

    const stuck = groupCommit(async (): Promise<number[]> => {
      throw conflict;
    }, { maxBatch: 100, concurrency: 1, isConflict, attempts: 2 });
    await expect(stuck(1)).rejects.toBe(conflict);
  });

  it('does not try again after an error that is not a conflict', async () => {
    let attempts = 0;
    const broken = groupCommit(async (): Promise<number[]> => {
      attempts += 1;
      throw new Error('the store is down');
    }, { maxBatch: 100, concurrency: 1, isConflict });
    await expect(broken(1)).rejects.toThrow('the store is down');
    expect(attempts).toBe(1);
  });
});
