import { Module } from '@nestjs/common';
import { PeersModule } from '../peers/peers.module';
import { CrawlSteps } from './crawl-steps';
import { CrawlerService } from './crawler.service';
import { LegacyCrawler } from './legacy-crawler';
import { RemoteCopiesRepository } from './remote-copies.repository';
import { RemoteScans } from './remote-scans';

/** The read-only crawler: one job per peer, incremental and signed, or legacy. */
@Module({
  imports: [PeersModule],
  providers: [CrawlerService, CrawlSteps, LegacyCrawler, RemoteCopiesRepository, RemoteScans],
  exports: [CrawlerService],
})
export class CrawlerModule {}
