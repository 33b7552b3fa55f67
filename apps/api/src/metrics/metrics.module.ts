import { Global, Module } from '@nestjs/common';
import { MetricsController, MetricsTokenGuard } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({ controllers: [MetricsController], providers: [MetricsService, MetricsTokenGuard], exports: [MetricsService] })
export class MetricsModule {}
