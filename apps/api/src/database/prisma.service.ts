import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  /** PGlite runs one transaction at a time, so transactions wait longer there before giving up. */
  readonly embedded: boolean;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(options: DatabaseOptions) {
    super({
      adapter: new PrismaPg({ connectionString: options.url, max: options.poolSize }),
      transactionOptions: options.embedded ? { maxWait: 15_000, timeout: 30_000 } : { maxWait: 5_000, timeout: 10_000 },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
