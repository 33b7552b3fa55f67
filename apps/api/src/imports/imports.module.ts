import { Module } from '@nestjs/common';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Batch import: preview many files, then import the chosen ones as blueprints or as one hierarchy. */
@Module({
  imports: [BlueprintsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
