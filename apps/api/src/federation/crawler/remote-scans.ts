import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import { JobQueue } from '../../jobs/job-queue';
import { scanContent, ScanTimeoutError, type ScanReport } from '../../scanning';
import type { KnownCopy } from './remote-copies.repository';
import { RemoteCopiesRepository } from './remote-copies.repository';
import type { RemoteCopy } from './remote-items';

/** A copy with our own scan of its content; `scan` is null when the stored scan of the same content still holds. */
export type ScannedCopy = RemoteCopy & { scan: ScanReport | null };

export const SCAN_REMOTE_COPIES_JOB = 'federation.scan-remote-copies';
const BACKFILL_EVERY_MS = 10 * 60_000;
const BACKFILL_BATCH = 50;
/** Batches per run: a run ends in bounded time even if some copies keep failing (they stay unscanned). */
const BACKFILL_BATCHES_PER_RUN = 100;

/**
 * Remote content is scanned once, when the crawler stores it, and the findings are stored with the copy: reading a
 * remote blueprint never scans. Copies stored before findings were kept are scanned by a background job.
 */
@Injectable()
export class RemoteScans implements OnModuleInit {
  constructor(
    private readonly copies: RemoteCopiesRepository,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(SCAN_REMOTE_COPIES_JOB, async () => {
      for (let batch = 0; batch < BACKFILL_BATCHES_PER_RUN; batch += 1) {
        if ((await this.backfill()) < BACKFILL_BATCH) break;
      }
    });
    this.jobs.schedule(SCAN_REMOTE_COPIES_JOB, BACKFILL_EVERY_MS);
  }

  /**
   * Scans each copy whose content is new or changed, one at a time (a crawl never fills the worker pool's queue
   * ahead of users' requests). A copy whose scan runs out of time is left out and reported.
   */
  async scan(
    copies: readonly RemoteCopy[],
    known: ReadonlyMap<string, KnownCopy>,
    onSkipped: (code: string, message: string) => void,
  ): Promise<ScannedCopy[]> {
    const scanned: ScannedCopy[] = [];
    for (const copy of copies) {
      if (known.get(copy.remoteId)?.contentHash === copy.contentHash) {
        scanned.push({ ...copy, scan: null });
        continue;
      }
      try {
        scanned.push({ ...copy, scan: await scanContent(copy.content) });
      } catch (error) {
        if (!(error instanceof ScanTimeoutError)) throw error;
        onSkipped(error.code, `${copy.remoteId}: ${error.message}`);
      }
    }
    return scanned;
  }

  /** Scans stored copies that have no findings yet; returns how many it scanned. */
  async backfill(limit = BACKFILL_BATCH): Promise<number> {
    const pending = await this.copies.unscanned(limit);
    for (const copy of pending) {
      try {
        await this.copies.saveScan(copy.id, copy.contentHash, await scanContent(copy.content));
      } catch (error) {
        if (!(error instanceof ScanTimeoutError)) throw error;
        this.logger.warn({ remoteBlueprintId: copy.id }, 'remote copy could not be scanned in time');
      }
    }
    return pending.length;
  }
}
