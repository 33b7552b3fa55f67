import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import { JobQueue } from '../../jobs/job-queue';
import { SessionService } from './session.service';

export const PURGE_EXPIRED_SESSIONS = 'sessions.purge_expired';
const HOURLY = 60 * 60 * 1000;

/** Expired sessions are refused on sight; this only keeps the table from growing without bound. */
@Injectable()
export class SessionMaintenance implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly sessions: SessionService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(PURGE_EXPIRED_SESSIONS, async () => {
      const { count } = await this.sessions.deleteExpired();
      if (count > 0) this.logger.info({ count }, 'purged expired sessions');
    });
    this.jobs.schedule(PURGE_EXPIRED_SESSIONS, HOURLY);
  }
}
