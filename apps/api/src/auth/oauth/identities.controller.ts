import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../../common/security/route-policy';
import { CurrentSession } from '../current-principal.decorator';
import type { Principal } from '../principal';
import { IdentitiesService } from './identities.service';
import { LinkedIdentity, LinkStart } from './identities.dto';
import { OAUTH_PROVIDERS } from './oauth.errors';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('account')
@Controller()
export class IdentitiesController {
  constructor(private readonly identities: IdentitiesService) {}

  @Get('api/v1/account/identities')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [LinkedIdentity], description: 'Provider sign-ins linked to this account' })
  async list(@CurrentSession() session: SessionPrincipal): Promise<LinkedIdentity[]> {
    return (await this.identities.list(session.userId)).map((identity) => ({
      id: identity.id,
      provider: identity.provider,
      email: identity.email,
      createdAt: identity.createdAt.toISOString(),
      lastUsedAt: identity.lastUsedAt?.toISOString() ?? null,
    }));
  }

  @Post('api/v1/account/identities/:provider/link')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiParam({ name: 'provider', enum: OAUTH_PROVIDERS })
  @ApiOkResponse({ type: LinkStart })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PROVIDER_NOT_CONFIGURED' })
  async link(@Param('provider') provider: string, @CurrentSession() session: SessionPrincipal): Promise<LinkStart> {
    return { url: await this.identities.linkUrl(session.userId, session.sessionId, provider) };
  }

  @Delete('api/v1/account/identities/:id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The provider can no longer be used to sign in to this account' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'IDENTITY_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'LAST_SIGN_IN_METHOD: it is the only way left to sign in' })
  async unlink(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.identities.unlink(request, session.userId, id);
  }
}
