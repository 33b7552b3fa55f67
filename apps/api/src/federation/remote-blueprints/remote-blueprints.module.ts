import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { PeersModule } from '../peers/peers.module';
import { RemoteBlueprintsAdminController } from './remote-blueprints.controller';
import { RemoteBlueprintsRepository } from './remote-blueprints.repository';
import { RemoteBlueprintsService } from './remote-blueprints.service';

/**
 * Other instances' blueprints as crawled: read-only reads and admin hiding. The blueprints module imports this one
 * (detail, raw and fork of `rb_` ids); this one never imports it back, so there is no cycle. Catalogue search reads
 * the table directly in the catalogue's own query.
 */
@Module({
  imports: [UsersModule, AuditModule, PeersModule],
  controllers: [RemoteBlueprintsAdminController],
  providers: [RemoteBlueprintsRepository, RemoteBlueprintsService],
  exports: [RemoteBlueprintsService],
})
export class RemoteBlueprintsModule {}
