import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';

/** Account settings: profile, email change, deletion, invitations. */
@Module({ imports: [AuthModule] })
export class AccountModule {}
