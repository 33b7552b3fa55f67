import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { ApiTokenRepository } from './api-tokens/api-token.repository';
import { ApiTokenService } from './api-tokens/api-token.service';
import { AuthenticationMiddleware } from './authentication.middleware';
import { SessionRepository } from './sessions/session.repository';
import { SessionMaintenance } from './sessions/session-maintenance';
import { SessionService } from './sessions/session.service';
import { SessionsController } from './sessions/sessions.controller';
import { SignInService } from './sign-in.service';
import { TwoStepRepository } from './two-step/two-step.repository';

@Module({
  imports: [UsersModule, AuditModule],
  controllers: [SessionsController],
  providers: [
    SessionRepository,
    SessionService,
    SessionMaintenance,
    ApiTokenRepository,
    ApiTokenService,
    TwoStepRepository,
    SignInService,
    AuthenticationMiddleware,
  ],
  exports: [SessionService, SignInService, ApiTokenService, AuthenticationMiddleware],
})
export class AuthModule {}
