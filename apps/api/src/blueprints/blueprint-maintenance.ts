import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CacheInvalidationBus } from '../http-cache/cache-invalidation-bus';
import { TRENDING_TAG } from '../http-cache/cache-tags';
import { JobQueue } from '../jobs/job-queue';
import { BlueprintsRepository } from './blueprints.repository';

export const REFRESH_TRENDING = 'blueprints.refresh_trending';
const EVERY_15_MINUTES = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Download rows only matter for de-duplication (today) and trending (7 days). */
const KEEP_DOWNLOADS_DAYS = 8;

/** Keeps the trending sort fresh without computing it on every catalogue read. */
@Injectable()
export class BlueprintMaintenance implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly repository: BlueprintsRepository,
    private readonly sharedResponses: CacheInvalidationBus,
  ) {}

  onModuleInit(): void {
    this.jobs.define(REFRESH_TRENDING, () => this.refreshTrending());
    this.jobs.schedule(REFRESH_TRENDING, EVERY_15_MINUTES);
  }

  async refreshTrending(now = new Date()): Promise<void> {
    await this.repository.refreshTrendingScores(new Date(now.getTime() - 7 * DAY_MS));
    // The trending order just changed for everyone: only pages in that order are affected.
    this.sharedResponses.invalidate([TRENDING_TAG]);
    await this.repository.purgeDownloadsBefore(new Date(now.getTime() - KEEP_DOWNLOADS_DAYS * DAY_MS));
  }
}
