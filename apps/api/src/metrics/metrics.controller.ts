import {
  Controller,
  Get,
  Header,
  Inject,
  Res,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AppError, CommonErrorCode } from '../common/errors/app-error';
import { Public } from '../common/security/route-policy';
import { MetricsService } from './metrics.service';
import { secretsEqual } from '../common/crypto/secret-token';

/** Metrics do not exist until METRICS_TOKEN is set, and then only for callers presenting it. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.secrets.metricsToken;
    if (!token) throw new AppError(CommonErrorCode.NotFound, 'No route for GET /metrics', 404);
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!secretsEqual(presented, token)) {
      throw new AppError(CommonErrorCode.Unauthenticated, 'Metrics need Authorization: Bearer <METRICS_TOKEN>', 401);
    }
    return true;
  }
}

@ApiExcludeController()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Public()
  @UseGuards(MetricsTokenGuard)
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
