import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabaseHealth } from './database-health';
import { PrismaService, type DatabaseOptions } from './prisma.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: PrismaService, useFactory: () => new PrismaService(options) }, DatabaseHealth],
      exports: [PrismaService, DatabaseHealth],
    };
  }
}
