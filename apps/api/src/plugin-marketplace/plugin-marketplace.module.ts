import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { WellKnownModule } from '../well-known/well-known.module';
import { PluginMarketplaceController } from './plugin-marketplace.controller';
import { PluginMarketplaceRepository } from './plugin-marketplace.repository';
import { PluginMarketplaceService } from './plugin-marketplace.service';

@Module({
  imports: [BlueprintsModule, ProfilesModule, WellKnownModule],
  controllers: [PluginMarketplaceController],
  providers: [PluginMarketplaceRepository, PluginMarketplaceService],
})
export class PluginMarketplaceModule {}
