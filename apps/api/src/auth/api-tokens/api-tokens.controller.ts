import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../../common/security/route-policy';
import { CurrentSession } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { ApiTokenService } from './api-token.service';
import { ApiTokenNotFoundError } from './api-tokens.errors';
import {
  ApiTokenSummary,
  CreateApiTokenRequest,
  CreatedApiToken,
  createdToken,
  tokenSummaryFields,
} from './api-tokens.dto';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('api-tokens')
@Controller('api/v1/account/api-tokens')
export class ApiTokensController {
  constructor(private readonly apiTokens: ApiTokenService) {}

  @Post()
  @Authenticated()
  @SessionOnly()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: CreatedApiToken, description: 'The token is in this response only; store it now' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'REAUTHENTICATION_REQUIRED: with two-step on, confirm with a second factor first',
  })
  async create(
    @Body() body: CreateApiTokenRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<CreatedApiToken> {
    const { token, row } = await this.apiTokens.create(session, body, request);
    return createdToken(token, row);
  }

  @Get()
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [ApiTokenSummary], description: 'Tokens not revoked, newest first; never the token itself' })
  async list(@CurrentSession() session: SessionPrincipal): Promise<ApiTokenSummary[]> {
    return (await this.apiTokens.list(session.userId)).map((row) => ({
      ...tokenSummaryFields(row),
      lastUsedIp: row.lastUsedIp,
    }));
  }

  @Delete(':id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token stops working at once' })
  async revoke(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ApiTokenNotFoundError() })) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.apiTokens.revoke(session.userId, id, request);
  }
}
