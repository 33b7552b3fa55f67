import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** OAuth 2.0 Device Authorization Grant (RFC 8628) for the command line. */
@Module({ imports: [AuthModule] })
export class DeviceModule {}
