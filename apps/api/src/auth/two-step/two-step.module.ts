import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { PasskeysModule } from '../passkeys/passkeys.module';
import { TwoStepController } from './two-step.controller';
import { TwoStepRepository } from './two-step.repository';
import { TwoStepService } from './two-step.service';

/** TOTP two-step verification, recovery codes, second-factor challenge. */
@Module({
  imports: [AuthModule, UsersModule, AuditModule, PasskeysModule],
  controllers: [TwoStepController],
  providers: [TwoStepRepository, TwoStepService],
  exports: [TwoStepService],
})
export class TwoStepModule {}
