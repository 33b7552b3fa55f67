import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
import { HealthService } from './health.service';

export class LiveResponse {
  @ApiProperty({ example: 'ok' })
  status: 'ok';
}

export class DependencyCheck {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ description: 'How long the check took, in milliseconds' })
  latencyMs: number;
}

export class ReadyChecks {
  @ApiProperty({ type: DependencyCheck })
  database: DependencyCheck;

  @ApiProperty({ type: DependencyCheck, description: 'Redis, or the in-process store in embedded mode' })
  redis: DependencyCheck;
}

export class ReadyResponse {
  @ApiProperty({ example: 'ok' })
  status: 'ok';

  @ApiProperty({ type: ReadyChecks })
  checks: ReadyChecks;
}

@ApiTags('health')
// Probes come often from the orchestrator's address, and must answer even when the rate-limit store is down.
@SkipThrottle()
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: LiveResponse, description: 'The process is up' })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: ReadyResponse, description: 'The database and Redis answer' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: '`NOT_READY`, with each check in details' })
  ready(): Promise<ReadyResponse> {
    return this.health.ready();
  }
}
