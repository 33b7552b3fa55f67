import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorBody {
  @ApiProperty({ example: 'NOT_FOUND', description: 'Stable machine-readable code' })
  code: string;

  @ApiProperty({ example: 'No route for GET /api/v1/nope' })
  message: string;

  @ApiPropertyOptional({ description: 'Code-specific details, e.g. the invalid fields' })
  details?: unknown;
}

/** The one shape of every 4xx and 5xx response. */
export class ErrorResponse {
  @ApiProperty({ type: ErrorBody })
  error: ErrorBody;

  @ApiProperty({ description: 'Echoes the X-Request-Id header of the response' })
  requestId: string;
}
