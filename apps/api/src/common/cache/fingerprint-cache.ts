/** A bound on what a cache holds in bytes, besides its count of entries. */
export interface ByteBudget<T> {
  maxBytes: number;
  sizeOf(value: T): number;
}

interface Entry<T> {
  fingerprint: string;
  value: Promise<T>;
  /** Known once the build has finished. */
  bytes: number;
}

/**
 * Documents built from the database, kept in memory while the state they were built from holds: each key's entry is
 * rebuilt only when its fingerprint (a cheap aggregate query) changes. Least recently built entries go first, when
 * there are more than `capacity` or, with a byte budget, when together they weigh more than it allows.
 */
export class FingerprintCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly capacity: number,
    private readonly budget?: ByteBudget<T>,
  ) {}

  get(key: string, fingerprint: string, build: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.value;
    // Concurrent requests for the same state share one build; a failed build is not kept.
    const value = build();
    const entry: Entry<T> = { fingerprint, value, bytes: 0 };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (built) => {
        if (!this.budget || this.entries.get(key) !== entry) return;
        entry.bytes = this.budget.sizeOf(built);
        this.evict(key);
      },
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    this.evict(key);
    return value;
  }

  /** Drops the oldest entries (never `keep`, just built) until the count and the bytes are within bounds. */
  private evict(keep: string): void {
    const total = () => [...this.entries.values()].reduce((sum, entry) => sum + entry.bytes, 0);
    for (const key of [...this.entries.keys()]) {
      const over = this.entries.size > this.capacity || (this.budget !== undefined && total() > this.budget.maxBytes);
      if (!over) return;
      if (key !== keep) this.entries.delete(key);
    }
  }
}
