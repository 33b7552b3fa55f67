import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { createdToken, tokenSummaryFields } from '../auth/api-tokens/api-tokens.dto';
import { OrganizationTokenNotFoundError } from '../auth/api-tokens/api-tokens.errors';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import {
  CreatedOrganizationToken,
  CreateOrganizationTokenRequest,
  OrganizationTokenSummary,
} from './organization-tokens.dto';
import { OrganizationTokensService } from './organization-tokens.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('organizations')
@Controller('api/v1/organizations/:slug/tokens')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'ORGANIZATION_NOT_FOUND: no such organization of yours' })
@ApiForbiddenResponse({
  type: ErrorResponse,
  description:
    'ORGANIZATION_ROLE_REQUIRED: Owners and Admins only; REAUTHENTICATION_REQUIRED (creating, with two-step on)',
})
export class OrganizationTokensController {
  constructor(private readonly tokens: OrganizationTokensService) {}

  @Post()
  @Authenticated()
  @SessionOnly()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: CreatedOrganizationToken, description: 'The token is in this response only' })
  @ApiPlanLimitResponse('organizationTokens: as many live tokens as the plan allows (existing ones keep working)')
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED: only blueprints:read and blueprints:write',
  })
  async create(
    @Param('slug') slug: string,
    @Body() body: CreateOrganizationTokenRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<CreatedOrganizationToken> {
    const { token, row } = await this.tokens.create(slug, session, body, request);
    return createdToken(token, row);
  }

  @Get()
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [OrganizationTokenSummary], description: 'Tokens not revoked, newest first' })
  async list(
    @Param('slug') slug: string,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationTokenSummary[]> {
    return (await this.tokens.list(slug, session)).map((row) => ({
      ...tokenSummaryFields(row),
      createdBy: row.createdByHandle,
    }));
  }

  @Delete(':id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token stops working at once' })
  async revoke(
    @Param('slug') slug: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new OrganizationTokenNotFoundError() })) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.tokens.revoke(slug, session, id, request);
  }
}
