import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TOKEN_ENVIRONMENTS, type TokenEnvironmentName } from '../auth/api-tokens/api-tokens.dto';
import { NonBlankName } from '../common/text/visible-name';

/** The scopes an organization token may carry: it acts on the organization's content and has no person's data. */
export const ORGANIZATION_TOKEN_SCOPES = ['blueprints:read', 'blueprints:write'] as const;

export class CreateOrganizationTokenRequest {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'CI publishing' })
  @NonBlankName(80)
  name: string;

  // Any other scope is answered 422 ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED by the service, naming it.
  @ApiProperty({ enum: ORGANIZATION_TOKEN_SCOPES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  scopes: string[];

  @ApiProperty({
    enum: TOKEN_ENVIRONMENTS,
    description: 'production tokens read published blueprint versions, development tokens the latest draft',
  })
  @IsIn(TOKEN_ENVIRONMENTS)
  environment: TokenEnvironmentName;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Omit for a token that does not expire' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class OrganizationTokenSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the token, to recognise it', example: 'lp_AbCdEfG' })
  prefix: string;
  @ApiProperty({ enum: ORGANIZATION_TOKEN_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
  @ApiProperty({ type: String, nullable: true, description: 'Handle of the member who made it, if the account exists' })
  createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedOrganizationToken {
  @ApiProperty({ description: 'The token itself. Shown this once: only its hash is stored.' }) token: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() prefix: string;
  @ApiProperty({ enum: ORGANIZATION_TOKEN_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
