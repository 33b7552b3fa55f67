import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import { JobQueue } from '../jobs/job-queue';
import { SearchStatisticsRepository } from './search-statistics.repository';

export const REFRESH_SEARCH_STATISTICS = 'catalog.refresh_search_statistics';
const EVERY_15_MINUTES = 15 * 60 * 1000;

/**
 * Keeps the catalogue's search statistics (how many blueprints hold each word; see catalog-plan.ts) and its
 * suggestion vocabulary current: every 15 minutes when anything listed changed, and once at start when there are
 * none yet. Until then every search collects its matches through the indexes, which is right for a small catalogue
 * and merely slower for a large one.
 */
@Injectable()
export class SearchStatistics implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly repository: SearchStatisticsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(REFRESH_SEARCH_STATISTICS, () => this.refresh().then(() => undefined));
    this.jobs.schedule(REFRESH_SEARCH_STATISTICS, EVERY_15_MINUTES);
  }

  onApplicationBootstrap(): void {
    void this.refreshIfMissing().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not check the search statistics at start'),
    );
  }

  private async refreshIfMissing(): Promise<void> {
    if (!(await this.repository.exist())) {
      // Replicas starting together may each enqueue one: the later runs find the fingerprint current and stop.
      await this.jobs.enqueue(REFRESH_SEARCH_STATISTICS, {});
    }
  }

  /** Recomputes the statistics unless nothing listed changed since the last time; says whether it did. */
  async refresh({ force = false } = {}): Promise<boolean> {
    const fingerprint = await this.repository.fingerprint();
    if (!force && (await this.repository.isCurrent(fingerprint))) return false;
    const started = Date.now();
    await this.repository.refresh(fingerprint);
    this.logger.info({ ms: Date.now() - started }, 'search statistics refreshed');
    return true;
  }
}
