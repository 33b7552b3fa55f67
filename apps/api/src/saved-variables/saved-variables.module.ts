import { Module } from '@nestjs/common';
import { SavedVariablesController } from './saved-variables.controller';
import { SavedVariablesRepository } from './saved-variables.repository';
import { SavedVariablesService } from './saved-variables.service';

@Module({
  controllers: [SavedVariablesController],
  providers: [SavedVariablesRepository, SavedVariablesService],
  exports: [SavedVariablesService],
})
export class SavedVariablesModule {}
