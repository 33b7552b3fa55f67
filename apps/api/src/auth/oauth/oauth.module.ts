import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { IdentitiesController } from './identities.controller';
import { IdentitiesRepository } from './identities.repository';
import { IdentitiesService } from './identities.service';
import { OAuthController } from './oauth.controller';
import { OAuthCallbackGuard, OAuthStartGuard } from './oauth.guards';
import { OAuthService } from './oauth.service';
import { OAuthStateService } from './oauth-state.service';
import { OidcClient } from './oidc-client';
import { PassportProviders } from './passport-providers';

/** GitHub, Google and generic OpenID Connect sign-in, and linking provider identities. */
@Module({
  imports: [AuthModule, UsersModule, AuditModule],
  controllers: [OAuthController, IdentitiesController],
  providers: [
    OAuthStateService,
    PassportProviders,
    OidcClient,
    OAuthService,
    IdentitiesRepository,
    IdentitiesService,
    OAuthStartGuard,
    OAuthCallbackGuard,
  ],
  exports: [IdentitiesService],
})
export class OAuthModule {}
