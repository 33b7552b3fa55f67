import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { WellKnownController } from './well-known.controller';
import { WellKnownService } from './well-known.service';

@Module({ imports: [BlueprintsModule], controllers: [WellKnownController], providers: [WellKnownService] })
export class WellKnownModule {}
