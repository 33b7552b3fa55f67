import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createPostgresBackend, Queue, Worker, withBackend, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LOGGER } from '../common/logging/logging.module';
import { MetricsService } from '../metrics/metrics.service';
import { logRedisErrors } from '../kv/redis-connections';
import { throttledWarning } from '../common/logging/throttled-warning';

export type JobHandler = (data: unknown, job: Job) => Promise<void>;

/**
 * Where the queue lives: Redis in production, the (embedded) database when no Redis is configured. `pickup` says how
 * an idle worker learns of a new job: a PostgreSQL server wakes it by LISTEN/NOTIFY; the embedded PGlite serves every
 * connection from one session, so a NOTIFY reaches only the connection that sent it and the worker must poll.
 */
export type JobsBackend =
  | { readonly kind: 'redis'; readonly url: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string; readonly pickup: 'notify' | 'poll' };
export const JOBS_BACKEND = Symbol('JOBS_BACKEND');

/** The queue in the application's database. On a real server BullMQ's tables get a schema of their own. */
export function databaseJobsBackend(url: string, { embedded }: { embedded: boolean }): JobsBackend {
  // The PGlite socket ignores search_path, and cannot carry a NOTIFY (see JobsBackend).
  return embedded
    ? { kind: 'postgres', url, schema: 'public', pickup: 'poll' }
    : { kind: 'postgres', url, schema: 'bullmq', pickup: 'notify' };
}

const QUEUE_NAME = 'default';
const SCHEDULE_RETRY_MS = 30_000;
/** Enqueueing is a short script; longer than this means Redis is in trouble. */
const QUEUE_COMMAND_TIMEOUT_MS = 2_000;
const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
/**
 * Jobs are I/O-bound (crawls wait on peers), so one worker runs several at once; a slow peer must not hold up the
 * others or the maintenance jobs. Capabilities bound their own share (the crawler: FEDERATION_CONCURRENCY).
 */
const WORKER_CONCURRENCY = 8;
/**
 * How often a polling worker looks for new jobs, in seconds: a job enqueued while it is idle starts within this. Each
 * poll is four small queries, about 3% of a core on an idle embedded instance.
 */
const POLL_INTERVAL_SECONDS = 0.5;

const { Queue: PostgresQueue, Worker: PostgresWorker } = withBackend(createPostgresBackend);

/**
 * BullMQ blocks an idle worker until the next delayed job is due (the next scheduled run, minutes away) or a NOTIFY
 * wakes it, up to `maximumBlockTimeout` (an hour on PostgreSQL). Without NOTIFY, that ceiling is the pickup latency.
 */
class PollingPostgresWorker extends PostgresWorker {
  override get maximumBlockTimeout(): number {
    return POLL_INTERVAL_SECONDS;
  }
}

/**
 * One interface over BullMQ whichever store backs it. Capabilities `define` handlers at start-up and `enqueue`
 * anywhere; only processes running in `worker` or `all` mode consume jobs.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, number>();
  private scheduleRetry: NodeJS.Timeout | undefined;
  private scheduleCheck: NodeJS.Timeout | undefined;
  private markSchedulesRegistered!: () => void;
  private readonly schedulesRegistered = new Promise<void>((resolve) => (this.markSchedulesRegistered = resolve));
  private closing = false;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  // BullMQ never closes connections it was handed, so we keep and close both.
  private readonly redis: Redis | undefined;
  private workerRedis: Redis | undefined;

  constructor(
    @Inject(JOBS_BACKEND) private readonly backend: JobsBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {
    if (backend.kind === 'redis') {
      // Enqueueing happens on request paths (a peer's crawl, billing webhooks): without an offline queue and with a
      // command timeout it fails fast while Redis is down, instead of holding the request until Redis returns. The
      // queue sends no blocking commands; the worker's connection (below) does, and keeps unlimited retries.
      this.redis = new Redis(backend.url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        commandTimeout: QUEUE_COMMAND_TIMEOUT_MS,
        maxRetriesPerRequest: 1,
      });
      this.queue = new Queue(QUEUE_NAME, { connection: this.redis, prefix: `${config.redis.prefix}bull` });
      logRedisErrors(this.redis, logger, 'job queue');
      // 'ready' after the first one is a reconnect: the server may have come back empty.
      let connectedBefore = false;
      this.redis.on('ready', () => {
        if (connectedBefore) void this.ensureSchedules('reconnect');
        connectedBefore = true;
      });
    } else {
      this.queue = new PostgresQueue(QUEUE_NAME, { connection: this.postgresConnection() }) as unknown as Queue;
    }
    // Without a listener, an 'error' event (e.g. Redis unreachable) is printed raw, or would crash the process.
    const warnQueueError = throttledWarning(logger, 'job queue connection error');
    this.queue.on('error', (error) => warnQueueError(error));
    metrics.registerGauge('jobs_queued', 'Background jobs by state', ['state'], async (gauge) => {
      const counts = await this.counts();
      for (const state of JOB_STATES) gauge.set({ state }, counts[state] ?? 0);
    });
  }

  define(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Job handler "${name}" is defined twice`);
    this.handlers.set(name, handler);
  }

  /**
   * Runs a defined job every `everyMs`. Registered at start-up by every process; BullMQ's job schedulers are
   * upserted by id, so N replicas still produce one run per interval.
   */
  schedule(name: string, everyMs: number): void {
    if (!this.handlers.has(name)) throw new Error(`No handler is defined for job "${name}"`);
    this.schedules.set(name, everyMs);
  }

  async enqueue(name: string, data: unknown, options: JobsOptions = {}): Promise<string> {
    if (!this.handlers.has(name)) throw new Error(`No handler is defined for job "${name}"`);
    const job = await this.queue.add(name, data, {
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...options,
    });
    return job.id ?? '';
  }

  async counts(): Promise<Partial<Record<(typeof JOB_STATES)[number], number>>> {
    return this.queue.getJobCounts(...JOB_STATES);
  }

  onApplicationBootstrap(): void {
    void this.registerSchedules();
    // A Redis that restarted empty (no persistence) holds no schedules; a reconnect checks at once, this in any case.
    this.scheduleCheck = setInterval(
      () => void this.ensureSchedules('periodic check'),
      this.config.jobs.scheduleCheckMs,
    );
    this.scheduleCheck.unref();
    if (this.config.mode !== 'api') this.startWorker();
  }

  /**
   * In the background, retrying: a queue store that is briefly down at start-up must not stop the instance from
   * booting (readiness reports it meanwhile).
   */
  private async registerSchedules(): Promise<void> {
    try {
      for (const [name, every] of this.schedules) {
        await this.queue.upsertJobScheduler(name, { every }, { name, data: {} });
      }
      this.markSchedulesRegistered();
    } catch (error) {
      if (this.closing) return;
      this.logger.warn({ err: error }, 'could not register job schedules; retrying in 30 s');
      this.scheduleRetry = setTimeout(() => void this.registerSchedules(), SCHEDULE_RETRY_MS);
      this.scheduleRetry.unref();
    }
  }

  /**
   * Registers the schedules the queue store lacks (it lost them, e.g. Redis restarted without persistence). A
   * failure is only logged: the next check or reconnect tries again.
   */
  private async ensureSchedules(reason: string): Promise<void> {
    if (this.closing || this.schedules.size === 0) return;
    try {
      const present = new Set((await this.queue.getJobSchedulers()).map((scheduler) => scheduler.key));
      const missing = [...this.schedules].filter(([name]) => !present.has(name));
      for (const [name, every] of missing) {
        await this.queue.upsertJobScheduler(name, { every }, { name, data: {} });
      }
      if (missing.length > 0) {
        this.logger.warn(
          { reason, schedules: missing.map(([name]) => name) },
          'job schedules were missing; registered again',
        );
      }
    } catch (error) {
      if (!this.closing) this.logger.warn({ err: error, reason }, 'could not check job schedules');
    }
  }

  /** The schedules registered in the queue store (once registration has succeeded), for operators and tests. */
  async scheduled(): Promise<Array<{ name: string; every: number | null }>> {
    await this.schedulesRegistered;
    const schedulers = await this.queue.getJobSchedulers();
    return schedulers.map((scheduler) => ({
      name: scheduler.name,
      every: scheduler.every ? Number(scheduler.every) : null,
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.scheduleRetry);
    clearInterval(this.scheduleCheck);
    await this.worker?.close();
    await this.queue.close();
    for (const connection of [this.workerRedis, this.redis]) {
      if (connection?.status === 'ready') await connection.quit();
      else connection?.disconnect();
    }
  }

  private startWorker(): void {
    const processor = async (job: Job) => {
      const handler = this.handlers.get(job.name);
      if (!handler) throw new Error(`No handler is defined for job "${job.name}"`);
      // One line per scheduled run, so an operator can see that schedules are alive.
      if (job.repeatJobKey) this.logger.info({ job: job.name, jobId: job.id }, 'scheduled job started');
      await handler(job.data, job);
    };
    if (this.backend.kind === 'redis') {
      // BullMQ's blocking commands need unlimited retries on the worker's connection.
      this.workerRedis = new Redis(this.backend.url, { maxRetriesPerRequest: null });
      logRedisErrors(this.workerRedis, this.logger, 'job worker');
      this.worker = new Worker(QUEUE_NAME, processor, {
        connection: this.workerRedis,
        prefix: `${this.config.redis.prefix}bull`,
        concurrency: WORKER_CONCURRENCY,
      });
    } else {
      const polling = this.backend.pickup === 'poll';
      // The drain delay bounds the wait when no delayed job exists. With NOTIFY it only recovers a missed one.
      const PickupWorker = polling ? PollingPostgresWorker : PostgresWorker;
      this.worker = new PickupWorker(QUEUE_NAME, processor, {
        connection: this.postgresConnection(),
        drainDelay: polling ? POLL_INTERVAL_SECONDS : 1,
        concurrency: WORKER_CONCURRENCY,
      }) as unknown as Worker;
    }
    this.worker.on('completed', (job) => this.metrics.jobsProcessed.inc({ name: job.name, outcome: 'completed' }));
    this.worker.on('failed', (job, error) => {
      this.metrics.jobsProcessed.inc({ name: job?.name ?? 'unknown', outcome: 'failed' });
      this.logger.warn({ err: error, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade }, 'job failed');
    });
    const warnWorkerError = throttledWarning(this.logger, 'job worker error');
    this.worker.on('error', (error) => warnWorkerError(error));
  }

  private postgresConnection() {
    const schema = this.backend.kind === 'postgres' ? this.backend.schema : 'public';
    // BullMQ creates and upgrades its own tables on first use.
    return { connectionString: this.backend.url, schema, max: 3, migrate: true };
  }
}
