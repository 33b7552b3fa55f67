import type { ThrottlerStorage } from '@nestjs/throttler';
import type { KeyValueStore } from './key-value-store';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Rate-limit counters in the shared store, so limits hold across replicas (and survive none of them). */
export class KeyValueThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: KeyValueStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const { count, ttlMs } = await this.store.increment(`ratelimit:${name}:${key}`, ttl);
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    return {
      totalHits: count,
      timeToExpire: seconds,
      isBlocked: count > limit,
      timeToBlockExpire: count > limit ? seconds : 0,
    };
  }
}
