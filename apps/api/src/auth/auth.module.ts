import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
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
  ],
  exports: [SessionService, SignInService, ApiTokenService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // /metrics has its own bearer token (METRICS_TOKEN), which is not an API token.
    consumer
      .apply(AuthenticationMiddleware)
      .exclude({ path: 'metrics', method: RequestMethod.ALL })
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
