import { Module } from '@nestjs/common';
import { RemoteBlueprintsModule } from '../federation/remote-blueprints/remote-blueprints.module';
import { QuotasModule } from '../quotas/quotas.module';
import { EntitlementsModule } from '../billing/entitlements.module';
import { SavedVariablesModule } from '../saved-variables/saved-variables.module';
import { BlueprintMaintenance } from './blueprint-maintenance';
import { BlueprintReadsService } from './blueprint-reads.service';
import { BlueprintVersionsController } from './blueprint-versions.controller';
import { BlueprintsController } from './blueprints.controller';
import { BlueprintsRepository } from './blueprints.repository';
import { BlueprintsService } from './blueprints.service';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { HierarchiesController } from './hierarchies.controller';
import { HierarchiesRepository } from './hierarchies.repository';
import { HierarchiesService } from './hierarchies.service';
import { SearchStatistics } from './search-statistics';
import { SearchStatisticsRepository } from './search-statistics.repository';
import { VersionDiffs } from './version-diffs';
import { VersionHistory } from './version-history';
import { ContentOwnership } from './content-ownership';
import { OwnerSlugController } from './owner-slug.controller';
import { ProfilesModule } from '../profiles/profiles.module';
import { AuditModule } from '../audit/audit.module';
import { OrganizationLookupModule } from '../organizations/organization-lookup.module';

@Module({
  // One direction only: remote blueprints never import this module back.
  imports: [
    SavedVariablesModule,
    RemoteBlueprintsModule,
    QuotasModule,
    EntitlementsModule,
    AuditModule,
    OrganizationLookupModule,
    ProfilesModule,
  ],
  // The catalogue controller first: its static routes (/blueprints, /me/…) must not be taken for ids.
  controllers: [
    CatalogController,
    BlueprintsController,
    BlueprintVersionsController,
    HierarchiesController,
    OwnerSlugController,
  ],
  providers: [
    BlueprintsRepository,
    CatalogRepository,
    HierarchiesRepository,
    BlueprintsService,
    BlueprintReadsService,
    CatalogService,
    HierarchiesService,
    BlueprintMaintenance,
    SearchStatisticsRepository,
    SearchStatistics,
    VersionDiffs,
    VersionHistory,
    ContentOwnership,
  ],
  exports: [
    ContentOwnership,
    BlueprintsService,
    BlueprintReadsService,
    CatalogService,
    HierarchiesService,
    SearchStatistics,
    HierarchiesRepository,
  ],
})
export class BlueprintsModule {}
