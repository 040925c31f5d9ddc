import { BatchLoader } from './batch-loader';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchLoader', () => {
  it('answers the loads of one turn with one call, each its own value', async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader<string, string>(async (keys) => {
      calls.push(keys);
      return keys.map((key) => key.toUpperCase());
    });
    const values = await Promise.all(['a', 'b', 'a', 'c'].map((key) => loader.load(key)));
    expect(values).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'a', 'c']]);
  });

  it('gathers loads made through chains of promises in the same turn, and not those of the next', async () => {
    const calls: number[][] = [];
    const loader = new BatchLoader<number, number>(async (keys) => {
      calls.push(keys);
      return keys;
    });
    // As requests do: each reaches the loader after a few awaits of its own.
    const later = async (key: number, awaits: number) => {
      for (let i = 0; i < awaits; i++) await Promise.resolve();
      return loader.load(key);
    };
    const first = Promise.all([later(1, 0), later(2, 5), later(3, 20)]);
    await nextTurn();
    const second = loader.load(4);
    expect(await first).toEqual([1, 2, 3]);
    expect(await second).toBe(4);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('sends a batch as soon as it is full', async () => {
    const calls: number[][] = [];
    const loader = new BatchLoader<number, number>(async (keys) => {
      calls.push(keys);
      return keys.map((key) => key * 10);
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((key) => loader.load(key)))).toEqual([10, 20, 30, 40, 50]);
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every load of a failed batch, and the next batch is read again', async () => {
    let fail = true;
    const loader = new BatchLoader<number, number>((keys) => {
      if (fail) throw new Error('database down');
      return Promise.resolve(keys);
    });
    const failed = await Promise.allSettled([loader.load(1), loader.load(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((failed[0] as PromiseRejectedResult).reason).toEqual(new Error('database down'));
    fail = false;
    expect(await Promise.all([loader.load(1), loader.load(2)])).toEqual([1, 2]);
  });
});
