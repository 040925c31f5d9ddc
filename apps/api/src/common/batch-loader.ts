/**
 * Coalesces the loads that arrive in one turn of the event loop into one call
 * of `loadMany` (as DataLoader does within a request, here across requests).
 * Nothing is kept: every load is answered by a read that starts after it was
 * asked for, so it is as fresh as a load of its own. Under load, many agendas
 * then share one database round trip (one write and one read on the socket,
 * one statement for PostgreSQL to run) instead of one each.
 */
/** A batch size for loaders whose keys go into one `IN (…)` list: a page of 200 participants' delegates in one query. */
export const WIDE_BATCH = 1000;

export class BatchLoader<K, V> {
  private pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  /**
   * @param loadMany answers the keys in their order (the same key may come twice)
   * @param maxBatch a batch is sent at once when it reaches this size
   */
  constructor(
    private readonly loadMany: (keys: K[]) => Promise<V[]>,
    private readonly maxBatch = 64,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      // setImmediate, not a microtask: requests read in the same poll of the event loop reach here
      // one after another, each through its own chain of promises, before the check phase.
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ key, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const keys = batch.map((entry) => entry.key);
    Promise.resolve()
      .then(() => this.loadMany(keys))
      .then(
        (values) => batch.forEach((entry, i) => entry.resolve(values[i])),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      );
  }
}
