import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { InstanceKeysModule } from '../federation/keys/instance-keys.module';
import { UsersModule } from '../users/users.module';
import { NodeInfoController } from './nodeinfo.controller';
import { WellKnownController } from './well-known.controller';
import { WellKnownService } from './well-known.service';

@Module({
  imports: [BlueprintsModule, InstanceKeysModule, UsersModule],
  controllers: [WellKnownController, NodeInfoController],
  providers: [WellKnownService],
})
export class WellKnownModule {}
