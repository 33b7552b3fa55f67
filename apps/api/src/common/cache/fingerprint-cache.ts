/**
 * Documents built from the database, kept in memory while the state they were built from holds: each key's entry is
 * rebuilt only when its fingerprint (a cheap aggregate query) changes. Least recently built entries go first.
 */
export class FingerprintCache<T> {
  private readonly entries = new Map<string, { fingerprint: string; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  get(key: string, fingerprint: string, build: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.value;
    // Concurrent requests for the same state share one build; a failed build is not kept.
    const value = build();
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, value });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
