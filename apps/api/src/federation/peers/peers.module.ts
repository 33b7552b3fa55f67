import { Module } from '@nestjs/common';

/** Peers, their verification and states, domain policy, the registry endpoints and the admin federation API. */
@Module({})
export class PeersModule {}
