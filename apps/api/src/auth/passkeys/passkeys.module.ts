import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** Passkeys: registration, usernameless sign-in, second factor. */
@Module({ imports: [AuthModule] })
export class PasskeysModule {}
