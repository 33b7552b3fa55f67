import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { UsersModule } from '../../users/users.module';
import { AdminFederationController } from './admin-federation.controller';
import { PeerVerifier } from './peer-verifier';
import { PeersRepository } from './peers.repository';
import { PeersService } from './peers.service';
import { RegistryController } from './registry.controller';

/** Peers, their verification and states, domain policy, the registry endpoints and the admin federation API. */
@Module({
  imports: [AuditModule, UsersModule],
  controllers: [RegistryController, AdminFederationController],
  providers: [PeersRepository, PeerVerifier, PeersService],
  exports: [PeersService, PeersRepository],
})
export class PeersModule {}
