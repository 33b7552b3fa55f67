import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import { throttledWarning } from '../common/logging/throttled-warning';
import { KEY_VALUE_STORE, type KeyValueStore } from './key-value-store';

/**
 * The shared store used as a cache whose record lives elsewhere (PostgreSQL, or a recomputation). A store failure
 * is a miss on read and a skipped write, logged (throttled) but never the request's error: reads must not depend
 * on Redis. Commands are bounded by the store's own timeout (REDIS_COMMAND_TIMEOUT_MS).
 */
@Injectable()
export class CacheStore {
  private readonly warn: (error: unknown, fields?: Record<string, unknown>) => void;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.warn = throttledWarning(logger, 'shared cache unavailable; serving from the record');
  }

  async get(key: string): Promise<string | null> {
    try {
      return await this.store.get(key);
    } catch (error) {
      this.warn(error, { operation: 'get' });
      return null;
    }
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    try {
      await this.store.set(key, value, ttlMs);
    } catch (error) {
      this.warn(error, { operation: 'set' });
    }
  }

  /**
   * Drops a cached copy. When the store is unreachable the copy cannot be dropped; if that store kept its data, the
   * copy lives until its TTL: the callers' TTLs bound that staleness.
   */
  async delete(key: string): Promise<void> {
    try {
      await this.store.delete(key);
    } catch (error) {
      this.warn(error, { operation: 'delete' });
    }
  }
}
