import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { configureScanning } from '../scanning/bounded-scan';
import { closeWorkerPool, configureWorkerPool } from './worker-pool';

/**
 * Applies WORKER_THREADS and WORKER_TASK_TIMEOUT_MS to the pool and SCAN_MAX_LISTED_FINDINGS to the scans it runs,
 * and stops its threads on shutdown.
 */
class WorkerPoolLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    configureWorkerPool(this.config.workers);
    configureScanning(this.config.scanning);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeWorkerPool();
  }
}

@Global()
@Module({ providers: [WorkerPoolLifecycle] })
export class WorkerPoolModule {}
