import { Global, Module, type DynamicModule } from '@nestjs/common';
import { JOBS_BACKEND, JobQueue, type JobsBackend } from './job-queue';

@Global()
@Module({})
export class JobsModule {
  static forRoot(backend: JobsBackend): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_BACKEND, useValue: backend }, JobQueue],
      exports: [JobQueue],
    };
  }
}
