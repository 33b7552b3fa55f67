import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EntitlementsModule } from '../billing/entitlements.module';
import { OrganizationLookupModule } from '../organizations/organization-lookup.module';
import { OrganizationTokensController } from './organization-tokens.controller';
import { OrganizationTokensService } from './organization-tokens.service';

/** An organization's API tokens; the tokens themselves (minting, authentication) are ApiTokenService's. */
@Module({
  imports: [AuthModule, OrganizationLookupModule, EntitlementsModule],
  controllers: [OrganizationTokensController],
  providers: [OrganizationTokensService],
})
export class OrganizationTokensModule {}
