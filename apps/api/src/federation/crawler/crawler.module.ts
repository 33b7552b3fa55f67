import { Module } from '@nestjs/common';
import { PeersModule } from '../peers/peers.module';
import { CrawlerService } from './crawler.service';
import { RemoteCopiesRepository } from './remote-copies.repository';
import { RemoteScans } from './remote-scans';

/** The read-only crawler: one job per peer, incremental and signed, or legacy. */
@Module({
  imports: [PeersModule],
  providers: [CrawlerService, RemoteCopiesRepository, RemoteScans],
  exports: [CrawlerService],
})
export class CrawlerModule {}
