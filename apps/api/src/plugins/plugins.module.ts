import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { QuotasModule } from '../quotas/quotas.module';
import { PluginsController } from './plugins.controller';
import { PluginsRepository } from './plugins.repository';
import { PluginsService } from './plugins.service';

@Module({
  imports: [BlueprintsModule, QuotasModule],
  controllers: [PluginsController],
  providers: [PluginsRepository, PluginsService],
})
export class PluginsModule {}
