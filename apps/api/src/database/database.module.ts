import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import { DatabaseHealth } from './database-health';
import { PrismaService, type DatabaseOptions } from './prisma.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PrismaService,
          useFactory: (logger: Logger) => new PrismaService(options, logger),
          inject: [LOGGER],
        },
        DatabaseHealth,
      ],
      exports: [PrismaService, DatabaseHealth],
    };
  }
}
