import { Module } from '@nestjs/common';

/** Other instances' blueprints as crawled: read-only reads, forks and admin hiding. */
@Module({})
export class RemoteBlueprintsModule {}
