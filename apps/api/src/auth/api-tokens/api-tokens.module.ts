import { Module } from '@nestjs/common';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { ApiTokensController } from './api-tokens.controller';
import { MeController } from './me.controller';

/**
 * Personal API tokens: create, list, revoke, plus GET /api/v1/me. ApiTokenService itself lives in AuthModule,
 * because the authentication middleware needs it on every request.
 */
@Module({ imports: [AuthModule, UsersModule], controllers: [ApiTokensController, MeController] })
export class ApiTokensModule {}
