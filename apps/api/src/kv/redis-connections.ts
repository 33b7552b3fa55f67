import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { throttledWarning } from '../common/logging/throttled-warning';

/**
 * How long one Redis command on a request path may take before it fails. Redis answers in well under a millisecond
 * when healthy; past this it is treated as down and the caller falls back (cache miss, PostgreSQL, local limiter).
 */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect attempts back off to this, so a returning Redis is picked up within about two seconds. */
const MAX_RECONNECT_DELAY_MS = 2_000;
/** How long start-up waits for Redis before booting without it (it is not a hard dependency). */
const STARTUP_WAIT_MS = 5_000;

/** Routes a connection's 'error' events to the JSON log, at most one line per 10 s per connection. */
export function logRedisErrors(
  emitter: { on(event: 'error', listener: (error: Error) => void): unknown },
  logger: Logger,
  connection: string,
): void {
  const warn = throttledWarning(logger, 'redis connection error');
  emitter.on('error', (error) => warn(error, { connection }));
}

/**
 * The connection requests use (key-value store: sessions cache, rate limits, challenges). Every command is bounded
 * by REDIS_COMMAND_TIMEOUT_MS, and with no offline queue a command sent while Redis is unreachable fails at once
 * instead of waiting for a reconnect.
 */
export async function connectRequestPathRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  logRedisErrors(redis, logger, 'key-value store');
  // Without an offline queue, commands sent before the first connection would fail: wait for it, boundedly.
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), STARTUP_WAIT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) logger.warn('redis is not reachable at start-up; starting without it and reconnecting in the background');
  return redis;
}
