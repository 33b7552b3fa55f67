import { toUserProfile } from '../../users/user-profile';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppError, CommonErrorCode } from '../../common/errors/app-error';
import { Authenticated } from '../../common/security/route-policy';
import { UsersService } from '../../users/users.service';
import { CurrentUser } from '../current-principal.decorator';
import type { UserPrincipal } from '../principal';
import { MeResponse } from './api-tokens.dto';

/** Who the caller is, for sessions and API tokens alike (the CLI's `whoami`). */
@ApiTags('api-tokens')
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly users: UsersService) {}

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
}
