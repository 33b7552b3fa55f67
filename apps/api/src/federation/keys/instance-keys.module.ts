import { Module } from '@nestjs/common';

/** This instance's Ed25519 signing keys: generated on first start, stored encrypted, rotatable. */
@Module({})
export class InstanceKeysModule {}
