import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  /** PGlite runs one transaction at a time, so transactions wait longer there before giving up. */
  readonly embedded: boolean;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/**
 * Session settings every connection needs. The trigram threshold is lowered from 0.6 so that name search forgives a
 * dropped or swapped letter ("djago" still finds "Django"). Our statements are short, and their plans are chosen by
 * the app where it matters (see blueprints/catalog-plan.ts): starting parallel workers cost more than the catalogue's
 * queries themselves (60 of 75 ms for a rare word on a busy machine), and JIT compiling a plan costs tens of
 * milliseconds, so neither is used. The embedded server ignores startup options, but all its connections share one
 * session, so the same settings are applied there once, with SET, when the module starts.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = {
  'pg_trgm.word_similarity_threshold': '0.4',
  max_parallel_workers_per_gather: '0',
  jit: 'off',
};

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly embedded: boolean;

  constructor(options: DatabaseOptions) {
    super({
      adapter: new PrismaPg({
        connectionString: options.url,
        max: options.poolSize,
        options: Object.entries(SESSION_SETTINGS)
          .map(([name, value]) => `-c ${name}=${value}`)
          .join(' '),
      }),
      transactionOptions: options.embedded ? { maxWait: 15_000, timeout: 30_000 } : { maxWait: 5_000, timeout: 10_000 },
    });
    this.embedded = options.embedded;
  }

  async onModuleInit(): Promise<void> {
    if (!this.embedded) return;
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
      await this.$executeRawUnsafe(`SET ${name} = '${value}'`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
