import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsString } from 'class-validator';
import { CreatedTokenFields, CreateTokenRequestFields, TokenSummaryFields } from '../auth/api-tokens/api-tokens.dto';

/** The scopes an organization token may carry: it acts on the organization's content and has no person's data. */
export const ORGANIZATION_TOKEN_SCOPES = ['blueprints:read', 'blueprints:write'] as const;

// Any other scope is answered 422 ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED by the service, naming it.
export class CreateOrganizationTokenRequest extends CreateTokenRequestFields(
  // Listed bottom-up, the order stacked decorators run in, so the messages of a bad list keep their order.
  applyDecorators(
    IsString({ each: true }),
    ArrayMaxSize(10),
    ArrayNotEmpty(),
    IsArray(),
    ApiProperty({ enum: ORGANIZATION_TOKEN_SCOPES, isArray: true, minItems: 1 }),
  ),
) {}

export class OrganizationTokenSummary extends TokenSummaryFields(ORGANIZATION_TOKEN_SCOPES) {
  @ApiProperty({ type: String, nullable: true, description: 'Handle of the member who made it, if the account exists' })
  createdBy: string | null;
}

export class CreatedOrganizationToken extends CreatedTokenFields(ORGANIZATION_TOKEN_SCOPES) {}
