import type { RequestListener, Server } from 'node:http';
import path from 'node:path';
import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { AuthenticationMiddleware } from './auth/authentication.middleware';
import { billingDisabledGate } from './billing/billing-disabled';
import { ErrorEnvelopeFilter } from './common/errors/http-exception.filter';
import { jsonBodyParser } from './common/http/body-parsing';
import { RATE_LIMIT } from './common/http/rate-limit';
import { guardRequestInput } from './common/http/request-input';
import { createValidationPipe } from './common/http/validation';
import { createLogger } from './common/logging/logger';
import { PinoNestLogger } from './common/logging/nest-logger';
import { requestLogging } from './common/logging/request-logging';
import { requestIdMiddleware } from './common/request-context/request-id';
import { securityHeaders } from './common/security/security-headers';
import type { AppConfig } from './config/config';
import { repositoryRoot } from './config/paths';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { applyPendingMigrations } from './database/migrations/migrator';
import { databaseJobsBackend, type JobsBackend } from './jobs/job-queue';
import type { KeyValueStore } from './kv/key-value-store';
import { MemoryKeyValueStore } from './kv/memory-key-value-store';
import { RateLimitCounters } from './kv/rate-limit-counters';
import { connectRequestPathRedis } from './kv/redis-connections';
import { RedisKeyValueStore } from './kv/redis-key-value-store';
import { BatchedRateLimiter } from './http-cache/batched-rate-limiter';
import { withEdgeCache } from './http-cache/edge';
import { SharedResponseCache } from './http-cache/shared-response-cache';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsService } from './metrics/metrics.service';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi';
import { webAppHandlers } from './web/web-app';

// The PGlite socket server must accept the Prisma pool, BullMQ's pool and the migration engine at once.
const EMBEDDED_MAX_CONNECTIONS = 32;

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly logger?: Logger;
  /** Test-only modules (probe routes); production passes none. */
  readonly extraImports?: ModuleMetadata['imports'];
}

export interface LynxPromptApp {
  readonly nest: NestExpressApplication;
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Where the data lives, for the start-up message: a connection target or the embedded folder. */
  readonly databaseLocation: string;
  close(): Promise<void>;
}

function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * Builds the whole application: infrastructure (embedded or external database, Redis or in-process store), pending
 * migrations under an advisory lock, then the Nest app with its HTTP pipeline. main.ts, the tests and the OpenAPI
 * generator all boot through here, so what is tested is what runs.
 */
export async function createApp(options: CreateAppOptions): Promise<LynxPromptApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse())
      await step().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
  };

  try {
    let databaseUrl: string;
    let databaseLocation: string;
    let embedded = false;
    if (config.database.url) {
      databaseUrl = config.database.url;
      databaseLocation = describeDatabase(databaseUrl);
    } else {
      const database = await EmbeddedPostgres.start(config.dataDir, EMBEDDED_MAX_CONNECTIONS, logger);
      cleanups.push(() => database.stop());
      databaseUrl = database.connectionString;
      databaseLocation = `${database.directory} (embedded PostgreSQL)`;
      embedded = true;
    }

    const { applied } = await applyPendingMigrations({
      connectionString: databaseUrl,
      migrationsDir: path.join(repositoryRoot(), 'prisma/migrations'),
      logger,
    });
    if (applied.length > 0) logger.info({ applied }, 'applied database migrations');

    let keyValueStore: KeyValueStore;
    let jobsBackend: JobsBackend;
    if (config.redis.url) {
      keyValueStore = new RedisKeyValueStore(
        await connectRequestPathRedis(config.redis.url, logger),
        config.redis.prefix,
      );
      jobsBackend = { kind: 'redis', url: config.redis.url };
    } else {
      keyValueStore = new MemoryKeyValueStore();
      jobsBackend = databaseJobsBackend(databaseUrl, { embedded });
    }

    const nest = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        logger,
        database: { url: databaseUrl, embedded },
        keyValueStore,
        jobsBackend,
        extraImports: options.extraImports,
      }),
      { bodyParser: false, logger: new PinoNestLogger(logger), abortOnError: false },
    );
    cleanups.push(() => nest.close());

    configureHttpPipeline(nest, config, logger);
    serveOpenApi(nest, buildOpenApiDocument(nest));
    await nest.init();
    const edge = installEdgeCache(nest, logger);
    cleanups.push(() => edge.flush());

    return {
      nest,
      config,
      logger,
      databaseLocation,
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Puts the shared response cache in front of the whole pipeline (see edge.ts): anonymous reads of public data it
 * holds are answered before Express and Nest run at all.
 */
function installEdgeCache(nest: NestExpressApplication, logger: Logger): BatchedRateLimiter {
  const server = nest.getHttpServer() as Server;
  // The counters fall back to this process when Redis fails, so an error here is rare (e.g. a shutdown race).
  const limiter = new BatchedRateLimiter(nest.get(RateLimitCounters), RATE_LIMIT.windowMs, (error) =>
    logger.warn({ err: error }, 'could not record cached reads against rate limits'),
  );
  const [pipeline, ...others] = server.listeners('request') as RequestListener[];
  if (!pipeline || others.length > 0) throw new Error('expected exactly one request listener on the HTTP server');
  server.removeListener('request', pipeline);
  server.on(
    'request',
    withEdgeCache(pipeline, {
      cache: nest.get(SharedResponseCache),
      limiter,
      metrics: nest.get(MetricsService),
      logger,
      trustProxy: nest.getHttpAdapter().getInstance().get('trust proxy fn') as (
        address: string,
        hop: number,
      ) => boolean,
    }),
  );
  return limiter;
}

function configureHttpPipeline(nest: NestExpressApplication, config: AppConfig, logger: Logger): void {
  nest.set('trust proxy', config.http.trustProxy);
  nest.disable('x-powered-by');
  nest.use(requestIdMiddleware);
  nest.use(requestLogging(logger));
  for (const handler of securityHeaders()) nest.use(handler);
  nest.use(httpMetricsMiddleware(nest.get(MetricsService)));
  nest.use(cookieParser());
  // Billing off: its routes answer 404 BILLING_DISABLED to everyone, before the body is read or a session looked up.
  if (!config.billing) nest.use(billingDisabledGate());
  nest.use(jsonBodyParser(config.http.bodyLimitBytes));
  nest.use(guardRequestInput());
  for (const handler of webAppHandlers(config.webDistDir, logger)) nest.use(handler);
  // After the web app's files (no session lookup for assets); /metrics has its own bearer token, not an API token.
  const authentication = nest.get(AuthenticationMiddleware);
  nest.use((request: Request, response: Response, next: NextFunction) =>
    request.path === '/metrics' ? next() : void authentication.use(request, response, next),
  );
  if (config.http.corsOrigins.length > 0) {
    nest.enableCors({ origin: [...config.http.corsOrigins], credentials: true, maxAge: 600 });
  }
  nest.useGlobalPipes(createValidationPipe());
  nest.useGlobalFilters(new ErrorEnvelopeFilter(logger));
}
