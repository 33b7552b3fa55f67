import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app instance (not prom-client's global), so several apps in one test process don't collide. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobsProcessed = new Counter({
    name: 'jobs_processed_total',
    help: 'Background jobs finished, by job name and outcome',
    labelNames: ['name', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly federationCrawls = new Counter({
    name: 'federation_crawls_total',
    help: 'Crawls of federation peers, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly federationRequests = new Counter({
    name: 'federation_crawl_requests_total',
    help: 'Requests sent to federation peers by the crawler',
    registers: [this.registry],
  });

  readonly rateLimitFallbacks = new Counter({
    name: 'rate_limit_local_fallbacks_total',
    help: 'Rate-limit hits counted in this process because the shared store (Redis) failed',
    registers: [this.registry],
  });

  readonly httpCacheInvalidations = new Counter({
    name: 'http_cache_invalidations_total',
    help:
      'Shared response cache invalidations: by a write in this process (local), from another replica (remote), or a ' +
      'whole clear after the invalidation subscription came back (resubscribed)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'lynxprompt_' });
  }

  /** Gauges whose value is read from elsewhere at scrape time (e.g. queue depth). */
  registerGauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge) => Promise<void>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
