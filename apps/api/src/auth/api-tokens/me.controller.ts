import { toUserProfile } from '../../users/user-profile';
import { Controller, Delete, Get, HttpCode, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { AppError, CommonErrorCode } from '../../common/errors/app-error';
import { Authenticated } from '../../common/security/route-policy';
import { UsersService } from '../../users/users.service';
import { CurrentUser } from '../current-principal.decorator';
import type { UserPrincipal } from '../principal';
import { ApiTokenService } from './api-token.service';
import { MeResponse } from './api-tokens.dto';
import { TokenRequiredError } from './api-tokens.errors';

/** Who the caller is, for sessions and API tokens alike (the CLI's `whoami`). */
@ApiTags('api-tokens')
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: ApiTokenService,
  ) {}

  @Get()
  @Authenticated('profile:read')
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() principal: UserPrincipal): Promise<MeResponse> {
    const user = await this.users.findById(principal.userId);
    // Tokens and sessions die with their account; this covers a deletion racing the request.
    if (!user) throw new AppError(CommonErrorCode.Unauthenticated, 'The account no longer exists', 401);
    return {
      ...toUserProfile(user),
      ...(principal.kind === 'token' ? { tokenEnvironment: principal.environment } : {}),
    };
  }

  /** Revokes the API token this request presents (`lynxp logout`): whoever holds a token may end it, nothing more. */
  @Delete('token')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked; it authenticates nothing from now on' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'TOKEN_REQUIRED: the request came with a session' })
  async revokeOwnToken(@CurrentUser() principal: UserPrincipal, @Req() request: Request): Promise<void> {
    if (principal.kind !== 'token') throw new TokenRequiredError();
    await this.tokens.revoke(principal.userId, principal.tokenId, request);
  }
}
