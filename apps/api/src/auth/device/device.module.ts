import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../auth.module';
import { DeviceMaintenance } from './device-maintenance';
import { DeviceController } from './device.controller';
import { DeviceRepository } from './device.repository';
import { DeviceService } from './device.service';

/** OAuth 2.0 Device Authorization Grant (RFC 8628) for the command line. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [DeviceController],
  providers: [DeviceRepository, DeviceService, DeviceMaintenance],
})
export class DeviceModule {}
