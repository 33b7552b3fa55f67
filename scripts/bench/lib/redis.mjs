// Redis housekeeping for benchmarks: each run keeps its keys under its own prefix.
import { Redis } from 'ioredis';

/** Deletes every key under `prefix` (a lock left by an interrupted run, queued jobs nobody will run). */
export async function clearRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
