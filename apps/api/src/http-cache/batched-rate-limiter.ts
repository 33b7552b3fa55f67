import type { RateCounter } from '../kv/rate-limit-counters';

interface Counter {
  /** The shared count as of the last flush (this process's flushed hits included). */
  shared: number;
  /** Hits counted here since, not yet sent. */
  pending: number;
  /** Hits being sent right now. */
  sending: number;
  resetsAt: number;
}

export interface Allowance {
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
}

const FLUSH_EVERY_MS = 100;
/** Of the allowance a process knows is left, the share it may serve before the shared count is asked again. */
export const UNSENT_SHARE = 0.05;

/**
 * Counts hits into the same shared counters as the rate-limit guard, but without a round trip per hit: hits are
 * added up here and sent every 100 ms. A hit is allowed here only while the count known here stays under the limit
 * and the hits not yet sent stay under a twentieth of the allowance known to be left; otherwise the caller sends what is
 * pending and then hands the request to the full pipeline, whose guard decides (and answers 429) with the exact
 * shared count, and what the guard counts comes back through `observe`. Other replicas' unsent hits are unseen here,
 * but each replica holds at most a twentieth of what it knows is left, so together they can pass a client's limit only
 * by what they hold unsent once it is nearly spent: at most about two hits per replica, however fast the client sends
 * (batched-rate-limiter.spec.ts measures it).
 */
export class BatchedRateLimiter {
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: RateCounter,
    private readonly windowMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  tryHit(key: string, limit: number): Allowance | undefined {
    const now = this.now();
    let counter = this.counters.get(key);
    if (!counter || counter.resetsAt <= now) {
      counter = { shared: 0, pending: 0, sending: 0, resetsAt: now + this.windowMs };
      this.counters.set(key, counter);
    }
    const used = counter.shared + counter.sending + counter.pending;
    if (used >= limit) return undefined;
    const unsent = counter.sending + counter.pending;
    if (unsent >= Math.max(1, Math.floor((limit - counter.shared) * UNSENT_SHARE))) return undefined;
    counter.pending += 1;
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
    return {
      limit,
      remaining: limit - used - 1,
      resetSeconds: Math.max(1, Math.ceil((counter.resetsAt - now) / 1000)),
    };
  }

  /** What the guard counted for a request it let through: the exact shared count as of then. */
  observe(key: string, count: number, resetSeconds: number): void {
    const counter = this.counters.get(key);
    const now = this.now();
    const resetsAt = now + resetSeconds * 1000;
    if (counter && counter.resetsAt > now) {
      // Concurrent requests finish in any order: an older, lower count must not hand back allowance already spent.
      counter.shared = Math.max(counter.shared, count);
    } else if (counter) {
      counter.shared = count;
      counter.resetsAt = resetsAt;
    } else {
      this.counters.set(key, { shared: count, pending: 0, sending: 0, resetsAt });
    }
  }

  /** Sends every pending count; resolves when the store has answered. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    const sends: Array<Promise<void>> = [];
    const now = this.now();
    for (const [key, counter] of this.counters) {
      if (counter.pending === 0) {
        if (counter.sending === 0 && counter.resetsAt <= now) this.counters.delete(key);
        continue;
      }
      const hits = counter.pending;
      counter.pending = 0;
      counter.sending += hits;
      sends.push(
        this.store.increment(key, this.windowMs, hits).then(
          ({ count, ttlMs }) => {
            counter.sending -= hits;
            const now = this.now();
            counter.shared = counter.resetsAt > now ? Math.max(counter.shared, count) : count;
            counter.resetsAt = now + ttlMs;
          },
          (error: unknown) => {
            // Unsent hits are not retried: the guard keeps counting exactly on the requests it sees.
            counter.sending -= hits;
            this.onError(error);
          },
        ),
      );
    }
    this.flushing = Promise.all(sends).then(() => undefined);
    await this.flushing;
  }
}
