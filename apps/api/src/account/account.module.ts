import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { EntitlementsModule } from '../billing/entitlements.module';
import { MagicLinkModule } from '../auth/magic-link/magic-link.module';
import { MailModule } from '../mail/mail.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AdminInvitationsController } from './admin-invitations.controller';
import { InvitationsService } from './invitations.service';

/** Account settings: profile, email change, deletion, invitations. */
@Module({
  imports: [AuthModule, UsersModule, AuditModule, MailModule, MagicLinkModule, OrganizationsModule, EntitlementsModule],
  controllers: [AccountController, AdminInvitationsController],
  providers: [AccountService, InvitationsService],
})
export class AccountModule {}
