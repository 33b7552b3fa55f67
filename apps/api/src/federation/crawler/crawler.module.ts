import { Module } from '@nestjs/common';

/** The read-only crawler: one job per peer, incremental and signed, or legacy. */
@Module({})
export class CrawlerModule {}
