import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import { JobQueue } from '../../jobs/job-queue';
import { DeviceService } from './device.service';

export const PURGE_EXPIRED_DEVICE_AUTHORIZATIONS = 'device.purge_expired';
const HOURLY = 60 * 60 * 1000;

/** Expired requests are refused on sight; this only keeps the table from growing without bound. */
@Injectable()
export class DeviceMaintenance implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly device: DeviceService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.define(PURGE_EXPIRED_DEVICE_AUTHORIZATIONS, async () => {
      const { count } = await this.device.purgeExpired();
      if (count > 0) this.logger.info({ count }, 'purged expired device authorizations');
    });
    this.jobs.schedule(PURGE_EXPIRED_DEVICE_AUTHORIZATIONS, HOURLY);
  }
}
