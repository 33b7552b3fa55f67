import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryKeyValueStore } from '../kv/memory-key-value-store';
import type { RateCounter } from '../kv/rate-limit-counters';
import { BatchedRateLimiter } from './batched-rate-limiter';

const WINDOW_MS = 60_000;
const KEY = 'ratelimit:default:GET /api/v1/blueprints/:id|127.0.0.1';

/** The shared store as replicas see it: every call takes a network round trip. */
function sharedStore(roundTripMs: number): RateCounter & { close(): Promise<void> } {
  const store = new MemoryKeyValueStore();
  return {
    increment: async (key, windowMs, by) => {
      await sleep(roundTripMs);
      return store.increment(key, windowMs, by);
    },
    close: () => store.close(),
  };
}

/**
 * One client hammers cached reads spread over `replicas` processes from `connections` concurrent connections. A hit
 * the limiter refuses goes to the guard, which counts exactly in the shared store (as the pipeline does) and tells
 * the limiter what it counted. Returns how many requests were served.
 */
async function hammer(replicas: number, connections: number, limit: number, attempts: number): Promise<number> {
  const store = sharedStore(1);
  const limiters = Array.from({ length: replicas }, () => new BatchedRateLimiter(store, WINDOW_MS, () => undefined));
  let served = 0;
  let sent = 0;
  const connection = async (index: number) => {
    while (sent < attempts) {
      sent += 1;
      const limiter = limiters[(index + sent) % replicas] as BatchedRateLimiter;
      if (limiter.tryHit(KEY, limit)) {
        served += 1;
        await sleep(0);
        continue;
      }
      await limiter.flush();
      const { count, ttlMs } = await store.increment(KEY, WINDOW_MS, 1);
      if (count <= limit) served += 1;
      limiter.observe(KEY, count, Math.ceil(ttlMs / 1000));
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => connection(index)));
  await Promise.all(limiters.map((limiter) => limiter.flush()));
  await store.close();
  return served;
}

describe('BatchedRateLimiter', () => {
  // Without the cap on unsent hits, 3 replicas served this client 1,800 requests and 5 served 3,000.
  it.each([1, 2, 3, 5])('lets %i replica(s) pass a hammered limit by at most two hits each', async (replicas) => {
    const served = await hammer(replicas, 50, 600, 3000);
    expect(served).toBeGreaterThanOrEqual(600);
    expect(served).toBeLessThanOrEqual(600 + 2 * replicas);
  });

  it('holds a small limit as closely', async () => {
    const served = await hammer(3, 10, 5, 200);
    expect(served).toBeGreaterThanOrEqual(5);
    expect(served).toBeLessThanOrEqual(5 + 2 * 3);
  });

  it('keeps the highest count the guard reported when concurrent requests finish out of order', () => {
    const limiter = new BatchedRateLimiter(sharedStore(0), WINDOW_MS, () => undefined);
    limiter.observe(KEY, 30, 60);
    limiter.observe(KEY, 5, 60);
    expect(limiter.tryHit(KEY, 30)).toBeUndefined();
    expect(limiter.tryHit(KEY, 31)).toMatchObject({ remaining: 0 });
  });
});
