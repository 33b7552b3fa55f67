import type { ExecutionContext } from '@nestjs/common';
import { normalizeIp, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import type { RateCounter } from '../../kv/rate-limit-counters';
import { routePathOf } from './route-template';

/** The one throttler: a fixed window per client and per route. */
export const RATE_LIMIT = { name: 'default', windowMs: 60_000 } as const;
/** Clients on one IPv6 /64 are one client: such a block belongs to one subscriber. */
const IPV6_PREFIX = 64;

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Whose requests count together: the address (as Express resolves it under TRUST_PROXY), IPv6 by its /64. */
export function rateLimitClient(ip: string | undefined): string {
  return normalizeIp(ip ?? 'unknown', IPV6_PREFIX);
}

/**
 * The counter in the shared store for one client on one route. The guard and the edge cache (which answers some
 * anonymous reads before the guard runs) count into the same key, so a limit holds however a request was served.
 */
export function rateLimitCounterKey(method: string, routePath: string, client: string): string {
  return `ratelimit:${RATE_LIMIT.name}:${method} ${routePath}|${client}`;
}

/** Rate-limit counters in the shared store, so limits hold across replicas (and survive none of them). */
export class KeyValueThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateCounter) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const { count, ttlMs } = await this.store.increment(key, ttl);
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    return {
      totalHits: count,
      timeToExpire: seconds,
      isBlocked: count > limit,
      timeToBlockExpire: count > limit ? seconds : 0,
    };
  }
}

export function throttlerOptions(store: RateCounter, limitPerMinute: number): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: RATE_LIMIT.name, ttl: RATE_LIMIT.windowMs, limit: limitPerMinute }],
    storage: new KeyValueThrottlerStorage(store),
    getTracker: (request: Record<string, unknown>) => rateLimitClient((request as unknown as Request).ip),
    generateKey: (context: ExecutionContext, client: string) => {
      const request = context.switchToHttp().getRequest<Request>();
      return rateLimitCounterKey(request.method, routePathOf(request), client);
    },
  };
}
