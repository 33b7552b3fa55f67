import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client';
import { guardPoolErrors } from './pool-errors';

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  /** PGlite runs one transaction at a time, so transactions wait longer there before giving up. */
  readonly embedded: boolean;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/**
 * Session settings every connection needs. The trigram similarity threshold (of pg_trgm's `%`) is lowered from 0.3 to
 * 0.2 for "did you mean": a swapped pair of letters in a six-letter word ("pyhton") keeps only 3 of its 7 trigrams,
 * and the edit distance decides afterwards. Our statements are short, and their plans are chosen by the app where it
 * matters (see blueprints/catalog-plan.ts): starting parallel workers cost more than the catalogue's queries
 * themselves (60 of 75 ms for a rare word on a busy machine), and JIT compiling a plan costs tens of milliseconds, so
 * neither is used. The embedded server ignores startup options, but all its connections share one session, so the
 * same settings are applied there once, with SET, when the module starts.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = {
  'pg_trgm.similarity_threshold': '0.2',
  max_parallel_workers_per_gather: '0',
  jit: 'off',
};

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly embedded: boolean;
  private readonly pool: pg.Pool;

  constructor(options: DatabaseOptions, logger: Logger) {
    // The pool is ours, not the adapter's, so that every connection in it has an error listener (see pool-errors).
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      // In-process, connections cost nothing to keep, and a pool that never logs in again cannot be crowded out of
      // the embedded port's handshake slots by a local flood (embedded-socket-server.ts).
      ...(options.embedded ? { idleTimeoutMillis: 0 } : {}),
      options: Object.entries(SESSION_SETTINGS)
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(' '),
    });
    guardPoolErrors(pool, (error) => logger.warn({ err: error }, 'database connection lost'));
    super({
      adapter: new PrismaPg(pool),
      transactionOptions: options.embedded ? { maxWait: 15_000, timeout: 30_000 } : { maxWait: 5_000, timeout: 10_000 },
    });
    this.embedded = options.embedded;
    this.pool = pool;
  }

  async onModuleInit(): Promise<void> {
    if (!this.embedded) return;
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
      await this.$executeRawUnsafe(`SET ${name} = '${value}'`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
