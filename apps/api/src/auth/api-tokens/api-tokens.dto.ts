import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';
import { SessionUser } from '../sessions/sessions.dto';
import { API_SCOPES, isApiScope } from '../scopes';
import { NonBlankName } from '../../common/text/visible-name';

export const TOKEN_ENVIRONMENTS = ['production', 'development'] as const;
export type TokenEnvironmentName = (typeof TOKEN_ENVIRONMENTS)[number];

/** The values of a scope list that are not scopes at all, so the error can name them. */
export function unknownScopes(values: readonly unknown[]): string[] {
  return values.filter((value) => typeof value !== 'string' || !isApiScope(value)).map(String);
}

/** A non-empty list of known API scopes; the message names the unknown ones. */
function AreApiScopes(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'areApiScopes',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length > 0 && unknownScopes(value as unknown[]).length === 0,
        defaultMessage: ({ property, value }: ValidationArguments) => {
          if (!Array.isArray(value) || value.length === 0) return `${property} must be a non-empty list of scopes`;
          return `unknown scopes: ${unknownScopes(value as unknown[]).join(', ')} (known: ${API_SCOPES.join(', ')})`;
        },
      },
    });
}

export class CreateApiTokenRequest {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'CI publishing' })
  @NonBlankName(80)
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, minItems: 1 })
  @AreApiScopes()
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

export class ApiTokenSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the token, to recognise it', example: 'lp_AbCdEfG' })
  prefix: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Network of the last use, truncated' })
  lastUsedIp: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedApiToken {
  @ApiProperty({ description: 'The token itself. Shown this once: only its hash is stored.' }) token: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() prefix: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MeResponse extends SessionUser {
  @ApiPropertyOptional({
    enum: TOKEN_ENVIRONMENTS,
    description: 'Present when called with an API token: the blueprint versions that token reads',
  })
  tokenEnvironment?: TokenEnvironmentName;
}
