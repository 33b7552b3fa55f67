import { Module } from '@nestjs/common';

/** The signed, incremental catalogue peers crawl: GET /api/v1/federation/blueprints. */
@Module({})
export class FederationCatalogueModule {}
