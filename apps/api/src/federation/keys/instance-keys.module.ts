import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { InstanceKeysController } from './instance-keys.controller';
import { InstanceKeysRepository } from './instance-keys.repository';
import { InstanceKeysService } from './instance-keys.service';

/** This instance's Ed25519 signing keys: generated on first start, stored encrypted, rotatable. */
@Module({
  imports: [UsersModule, AuditModule],
  controllers: [InstanceKeysController],
  providers: [InstanceKeysRepository, InstanceKeysService],
  exports: [InstanceKeysService],
})
export class InstanceKeysModule {}
