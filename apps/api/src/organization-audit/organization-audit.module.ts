import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganizationLookupModule } from '../organizations/organization-lookup.module';
import { OrganizationAuditController } from './organization-audit.controller';
import { OrganizationAuditService } from './organization-audit.service';

/** Reading and exporting an organization's audit log; writing it stays AuditService.record's job. */
@Module({
  imports: [AuditModule, OrganizationLookupModule],
  controllers: [OrganizationAuditController],
  providers: [OrganizationAuditService],
})
export class OrganizationAuditModule {}
