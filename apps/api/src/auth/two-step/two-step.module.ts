import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** TOTP two-step verification, recovery codes, second-factor challenge. */
@Module({ imports: [AuthModule] })
export class TwoStepModule {}
