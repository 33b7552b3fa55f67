import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import { throttledWarning } from '../common/logging/throttled-warning';
import { MetricsService } from '../metrics/metrics.service';
import { KEY_VALUE_STORE, type KeyValueStore } from './key-value-store';
import { MemoryKeyValueStore } from './memory-key-value-store';

export type RateCounter = Pick<KeyValueStore, 'increment'>;

/**
 * The request rate limits' counters (per route, per plan, and the edge cache's batches). They live in the shared
 * store so limits hold across replicas; when it fails, a hit is counted in this process instead (fail open to a
 * local limit, never an error or a wait), with a throttled warning and `rate_limit_local_fallbacks_total`. While
 * Redis is down each replica therefore enforces the limit on its own share of a client's requests.
 */
@Injectable()
export class RateLimitCounters implements RateCounter, OnApplicationShutdown {
  private readonly local = new MemoryKeyValueStore();
  private readonly warn: (error: unknown) => void;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly metrics: MetricsService,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.warn = throttledWarning(logger, 'rate-limit store unavailable; counting in this process');
  }

  async increment(key: string, windowMs: number, by = 1): Promise<{ count: number; ttlMs: number }> {
    try {
      return await this.store.increment(key, windowMs, by);
    } catch (error) {
      this.warn(error);
      this.metrics.rateLimitFallbacks.inc(by);
      return this.local.increment(key, windowMs, by);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.local.close();
  }
}
