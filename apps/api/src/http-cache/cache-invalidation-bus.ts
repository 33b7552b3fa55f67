import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import { throttledWarning } from '../common/logging/throttled-warning';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { logRedisErrors, REDIS_COMMAND_TIMEOUT_MS } from '../kv/redis-connections';
import { MetricsService } from '../metrics/metrics.service';
import { SharedResponseCache } from './shared-response-cache';

/** The channel under REDIS_PREFIX that carries invalidations between replicas. */
export const INVALIDATION_CHANNEL = 'http-cache:invalidate';
/** A message naming more tags than this is not ours: it is treated as a whole clear. */
const MAX_TAGS_PER_MESSAGE = 10_000;
const MAX_RECONNECT_DELAY_MS = 1_000;
const FIRST_SUBSCRIPTION_WAIT_MS = 5_000;

interface InvalidationMessage {
  readonly origin: string;
  readonly tags: readonly string[];
}

/** A message as received: anything else on the channel is ignored. */
function parseMessage(text: string): InvalidationMessage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { origin, tags } = parsed as { origin?: unknown; tags?: unknown };
  if (typeof origin !== 'string' || !Array.isArray(tags)) return undefined;
  if (!tags.every((tag): tag is string => typeof tag === 'string')) return undefined;
  return { origin, tags };
}

/**
 * Invalidates the shared response cache here and on every other replica. A write names the tags of what it
 * changed; they are dropped from this process's cache at once, then published on `<REDIS_PREFIX>http-cache:invalidate`,
 * which every replica subscribes to. Publishing never fails a write. A replica that cannot hear the channel (its
 * subscription is down, or not made yet) could miss an invalidation, so meanwhile it neither answers from its cache
 * nor keeps anything, and starts empty once subscribed: no replica serves a copy made stale by an invalidation it
 * could not hear, Redis outage or not. Without REDIS_URL there is one process and nothing to tell.
 */
@Injectable()
export class CacheInvalidationBus implements OnModuleInit, OnApplicationShutdown {
  /** Tells this process's own messages apart when they come back. */
  readonly origin = randomBytes(8).toString('hex');
  private readonly channel: string;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private readonly warnPublishFailed: ReturnType<typeof throttledWarning>;
  private subscribedOnce = false;
  private markSubscribed!: () => void;
  private readonly firstSubscription = new Promise<void>((resolve) => (this.markSubscribed = resolve));

  constructor(
    private readonly cache: SharedResponseCache,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.channel = `${config.redis.prefix}${INVALIDATION_CHANNEL}`;
    this.warnPublishFailed = throttledWarning(
      logger,
      'could not publish a shared-cache invalidation; other replicas keep their copies until they expire',
    );
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.redis.url;
    if (!url) return;
    // Like the request path's connection: a publish while Redis is away fails at once instead of queueing.
    this.publisher = new Redis(url, {
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    });
    logRedisErrors(this.publisher, this.logger, 'cache invalidation publisher');
    // A process that caches nothing has nothing to drop; it still publishes (e.g. a worker's crawler).
    if (!this.cache.enabled) return;
    // Subscribed by hand on every 'ready', so this process knows when it hears the channel again.
    this.subscriber = new Redis(url, {
      // Shown by CLIENT LIST, so an operator (or a test) can tell this process's subscription apart.
      connectionName: `${this.config.redis.prefix}http-cache-invalidations:${this.origin}`,
      autoResubscribe: false,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    });
    logRedisErrors(this.subscriber, this.logger, 'cache invalidation subscriber');
    this.subscriber.on('message', (channel: string, text: string) => this.received(channel, text));
    this.subscriber.on('ready', () => void this.subscribe());
    // Deaf until subscribed: a copy served meanwhile could outlive a change made on another replica.
    this.cache.stopListening();
    this.subscriber.on('close', () => this.cache.stopListening());
    // Start-up waits a moment for the first subscription (the request path's Redis gets 5 s likewise); without it the
    // process serves every read from the pipeline until it is subscribed.
    await Promise.race([
      this.firstSubscription,
      new Promise<void>((resolve) => setTimeout(resolve, FIRST_SUBSCRIPTION_WAIT_MS).unref()),
    ]);
  }

  /**
   * Drops every cached response showing one of `tags` here, and asks the other replicas to do the same. Returns at
   * once: the publish runs in the background and its failure is only logged.
   */
  invalidate(tags: readonly string[]): void {
    if (tags.length === 0) return;
    this.cache.invalidate(tags);
    this.metrics.httpCacheInvalidations.inc({ source: 'local' });
    if (!this.publisher) return;
    const message: InvalidationMessage = { origin: this.origin, tags };
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((error: unknown) => {
      this.warnPublishFailed(error, { tags: tags.length });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = [this.subscriber, this.publisher].filter((redis): redis is Redis => redis !== undefined);
    this.subscriber = undefined;
    this.publisher = undefined;
    // quit() waits for a reply that never comes while Redis is away: disconnect then.
    await Promise.all(connections.map((redis) => (redis.status === 'ready' ? redis.quit() : redis.disconnect())));
  }

  private async subscribe(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber) return;
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      // The connection went again before it answered; the next 'ready' tries again.
      this.logger.warn({ err: error }, 'could not subscribe to shared-cache invalidations');
      return;
    }
    // Nothing was kept while deaf; it starts empty all the same.
    this.cache.listen();
    if (!this.subscribedOnce) {
      this.subscribedOnce = true;
      this.markSubscribed();
      return;
    }
    this.metrics.httpCacheInvalidations.inc({ source: 'resubscribed' });
    this.logger.warn(
      { channel: this.channel },
      'resubscribed to shared-cache invalidations; the local cache, unused while they could not be heard, starts empty',
    );
  }

  private received(channel: string, text: string): void {
    if (channel !== this.channel) return;
    const message = parseMessage(text);
    if (!message || message.origin === this.origin) return;
    if (message.tags.length > MAX_TAGS_PER_MESSAGE) this.cache.clear();
    else this.cache.invalidate(message.tags);
    this.metrics.httpCacheInvalidations.inc({ source: 'remote' });
  }
}
