import { Module } from '@nestjs/common';
import { InstanceKeysModule } from '../keys/instance-keys.module';
import { FederationCatalogueController } from './catalogue.controller';
import { FederationCatalogueRepository } from './catalogue.repository';
import { FederationCatalogueService } from './catalogue.service';

/** The signed, incremental catalogue peers crawl: GET /api/v1/federation/blueprints. */
@Module({
  imports: [InstanceKeysModule],
  controllers: [FederationCatalogueController],
  providers: [FederationCatalogueRepository, FederationCatalogueService],
})
export class FederationCatalogueModule {}
