/**
 * Values read from storage, kept for a short time per process. Concurrent reads of the same key
 * share one load; a failed load is not kept, so the next read asks storage again.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { readonly until: number; readonly value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
    /** Entries kept at most; the oldest go first. Bounds memory whatever keys callers send. */
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { until: now + this.ttlMs, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets one key, or every key starting with a prefix (a partnership's whole directory). */
  forget(keyOrPrefix: string, prefix = false): void {
    if (!prefix) {
      this.entries.delete(keyOrPrefix);
      return;
    }
    for (const key of this.entries.keys()) if (key.startsWith(keyOrPrefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
