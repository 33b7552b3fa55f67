import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { KeyValueStore } from './key-value-store';
import { MemoryKeyValueStore } from './memory-key-value-store';
import { RedisKeyValueStore } from './redis-key-value-store';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// The same contract, against the real Redis and the in-process store.
describe.each([
  ['memory', () => new MemoryKeyValueStore()],
  ['redis', () => new RedisKeyValueStore(new Redis(redisUrl), `lp:test:kv:${randomBytes(4).toString('hex')}:`)],
])('%s key-value store', (_name, create: () => KeyValueStore) => {
  let store: KeyValueStore;

  beforeEach(() => {
    store = create();
  });
  afterEach(() => store.close());

  it('stores values that expire', async () => {
    await store.set('a', '1', 60);
    expect(await store.get('a')).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await store.get('a')).toBeNull();
  });

  it('sets only when absent, like a lock', async () => {
    expect(await store.setIfAbsent('lock', 'me', 10_000)).toBe(true);
    expect(await store.setIfAbsent('lock', 'you', 10_000)).toBe(false);
    expect(await store.deleteIfEquals('lock', 'you')).toBe(false);
    expect(await store.get('lock')).toBe('me');
    expect(await store.deleteIfEquals('lock', 'me')).toBe(true);
    expect(await store.setIfAbsent('lock', 'you', 10_000)).toBe(true);
  });

  it('lets a value be taken exactly once, even by concurrent callers', async () => {
    await store.set('challenge', 'c1', 10_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.take('challenge')));
    expect(results.filter((value) => value === 'c1')).toHaveLength(1);
    expect(await store.get('challenge')).toBeNull();
  });

  it('counts hits in a window that starts with the first hit', async () => {
    const counts = await Promise.all(Array.from({ length: 5 }, () => store.increment('hits', 10_000)));
    expect(counts.map((entry) => entry.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(counts[0]!.ttlMs).toBeGreaterThan(9_000);
    await store.delete('hits');
    expect((await store.increment('hits', 50)).count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.increment('hits', 50)).count).toBe(1);
  });

  it('counts several hits at once into the same window', async () => {
    expect((await store.increment('batched', 10_000)).count).toBe(1);
    const batch = await store.increment('batched', 10_000, 25);
    expect(batch.count).toBe(26);
    expect(batch.ttlMs).toBeGreaterThan(9_000);
    expect((await store.increment('fresh-batch', 10_000, 7)).ttlMs).toBeGreaterThan(9_000);
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
