import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';
import { SessionUser } from '../sessions/sessions.dto';
import { API_SCOPES, isApiScope } from '../scopes';
import { NonBlankName } from '../../common/text/visible-name';
import type { ApiToken } from '../../generated/prisma/client';

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

/**
 * The fields of a token request, personal or organization: only the scope list differs (which scopes, how they are
 * checked), so the caller gives its decorators. A class made per caller rather than a base class with `scopes` added
 * below, so the fields keep their order in the OpenAPI document and in validation errors.
 */
export function CreateTokenRequestFields(scopesProperty: PropertyDecorator) {
  class CreateTokenRequestFields {
    @ApiProperty({ minLength: 1, maxLength: 80, example: 'CI publishing' })
    @NonBlankName(80)
    name: string;

    @scopesProperty
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
  return CreateTokenRequestFields;
}

export class CreateApiTokenRequest extends CreateTokenRequestFields(
  applyDecorators(ApiProperty({ enum: API_SCOPES, isArray: true, minItems: 1 }), AreApiScopes()),
) {}

/**
 * A listed token, personal or organization, with the scopes that kind may carry; each kind adds its own field (the last
 * network, or who made it), which the OpenAPI document lists last.
 */
export function TokenSummaryFields(scopes: readonly string[]) {
  class TokenSummaryFields {
    @ApiProperty({ format: 'uuid' }) id: string;
    @ApiProperty() name: string;
    @ApiProperty({ description: 'The first characters of the token, to recognise it', example: 'lp_AbCdEfG' })
    prefix: string;
    @ApiProperty({ enum: scopes, isArray: true }) scopes: string[];
    @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
    @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
    @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
    @ApiProperty({ format: 'date-time' }) createdAt: string;
  }
  return TokenSummaryFields;
}

export class ApiTokenSummary extends TokenSummaryFields(API_SCOPES) {
  @ApiProperty({ type: String, nullable: true, description: 'Network of the last use, truncated' })
  lastUsedIp: string | null;
}

/** The answer to a token request, personal or organization: the same fields, with the scopes that kind may carry. */
export function CreatedTokenFields(scopes: readonly string[]) {
  class CreatedTokenFields {
    @ApiProperty({ description: 'The token itself. Shown this once: only its hash is stored.' }) token: string;
    @ApiProperty({ format: 'uuid' }) id: string;
    @ApiProperty() name: string;
    @ApiProperty() prefix: string;
    @ApiProperty({ enum: scopes, isArray: true }) scopes: string[];
    @ApiProperty({ enum: TOKEN_ENVIRONMENTS }) environment: TokenEnvironmentName;
    @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
    @ApiProperty({ format: 'date-time' }) createdAt: string;
  }
  return CreatedTokenFields;
}

export class CreatedApiToken extends CreatedTokenFields(API_SCOPES) {}

type TokenRow = Pick<
  ApiToken,
  'id' | 'name' | 'prefix' | 'scopes' | 'environment' | 'expiresAt' | 'lastUsedAt' | 'createdAt'
>;

/** The summary fields personal and organization tokens share; each list adds its own (last network, maker). */
export function tokenSummaryFields(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    environment: row.environment,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The answer to a token request, from the stored row and the token itself. */
export function createdToken(token: string, row: TokenRow): CreatedApiToken {
  const { lastUsedAt: _neverUsedYet, ...fields } = tokenSummaryFields(row);
  return { token, ...fields };
}

export class MeResponse extends SessionUser {
  @ApiPropertyOptional({
    enum: TOKEN_ENVIRONMENTS,
    description: 'Present when called with an API token: the blueprint versions that token reads',
  })
  tokenEnvironment?: TokenEnvironmentName;
}
