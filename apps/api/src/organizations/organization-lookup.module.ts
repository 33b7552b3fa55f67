import { Module } from '@nestjs/common';
import { OrganizationLookupRepository } from './organization-lookup.repository';
import { OrganizationLookupService } from './organization-lookup.service';

/** Resolving an organization by slug for an action: used by every capability that works inside organizations. */
@Module({
  providers: [OrganizationLookupRepository, OrganizationLookupService],
  exports: [OrganizationLookupService],
})
export class OrganizationLookupModule {}
