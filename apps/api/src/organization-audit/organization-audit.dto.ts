import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Values are checked by the service, so each failure gets its own code (INVALID_CURSOR, INVALID_LIMIT, ...).
export class OrganizationAuditFilters {
  @ApiPropertyOptional({ description: 'Only actions starting with this, e.g. organization_token.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events at or after this instant' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events before this instant' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class OrganizationAuditQuery extends OrganizationAuditFilters {
  @ApiPropertyOptional({ description: 'Opaque resume position returned by the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, description: 'Events per page, default 50' })
  @IsOptional()
  @IsString()
  limit?: string;
}

export class OrganizationAuditExportQuery extends OrganizationAuditFilters {
  @ApiProperty({ enum: ['csv', 'json'] })
  @IsString()
  format: string;
}

export class AuditActorView {
  @ApiProperty({ enum: ['user', 'system', 'anonymous'] }) type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The user’s handle while their account exists' })
  handle: string | null;
}

export class AuditTargetView {
  @ApiProperty({ example: 'api_token' }) type: string;
  @ApiProperty() id: string;
}

export class OrganizationAuditEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'organization_token.created' }) action: string;
  @ApiProperty({ type: AuditActorView }) actor: AuditActorView;
  @ApiProperty({ type: AuditTargetView, nullable: true }) target: AuditTargetView | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'The client’s network (/24 or /48), never its address' })
  ipPrefix: string | null;
}

export class OrganizationAuditPage {
  @ApiProperty({ type: [OrganizationAuditEvent], description: 'Newest first' }) events: OrganizationAuditEvent[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
