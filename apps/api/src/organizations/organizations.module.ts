import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { EntitlementsModule } from '../billing/entitlements.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { OrganizationInvitationsService } from './invitations.service';
import { OrganizationLookupModule } from './organization-lookup.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

/** Organizations: creation, details, members and roles, invitations, deletion. */
@Module({
  imports: [AuthModule, UsersModule, AuditModule, MailModule, OrganizationLookupModule, EntitlementsModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsRepository, OrganizationsService, OrganizationInvitationsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
