import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** Personal API tokens: create, list, revoke. */
@Module({ imports: [AuthModule] })
export class ApiTokensModule {}
