import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { PasskeyChallenges } from './passkey-challenges';
import { PasskeysController } from './passkeys.controller';
import { PasskeysRepository } from './passkeys.repository';
import { PasskeysService } from './passkeys.service';

/** Passkeys: registration, usernameless sign-in, second factor. */
@Module({
  imports: [AuthModule, UsersModule, AuditModule],
  controllers: [PasskeysController],
  providers: [PasskeysRepository, PasskeyChallenges, PasskeysService],
  exports: [PasskeysService],
})
export class PasskeysModule {}
