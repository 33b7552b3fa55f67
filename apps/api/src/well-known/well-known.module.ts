import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { InstanceKeysModule } from '../federation/keys/instance-keys.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { UsersModule } from '../users/users.module';
import { AgentSkillsController } from './agent-skills.controller';
import { AgentSkillsRepository } from './agent-skills.repository';
import { AgentSkillsService } from './agent-skills.service';
import { NodeInfoController } from './nodeinfo.controller';
import { WellKnownController } from './well-known.controller';
import { WellKnownService } from './well-known.service';

@Module({
  imports: [BlueprintsModule, InstanceKeysModule, UsersModule, ProfilesModule],
  controllers: [WellKnownController, NodeInfoController, AgentSkillsController],
  providers: [WellKnownService, AgentSkillsService, AgentSkillsRepository],
  exports: [AgentSkillsService, AgentSkillsRepository],
})
export class WellKnownModule {}
