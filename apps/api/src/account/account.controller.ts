import { Body, Controller, Delete, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { SessionUser } from '../auth/sessions/sessions.dto';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import { toUserProfile } from '../users/user-profile';
import { EmailChangeRequest, EmailChangeSent, EmailChangeVerifyRequest, UpdateProfileRequest } from './account.dto';
import { AccountService } from './account.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

const REAUTHENTICATION =
  'REAUTHENTICATION_REQUIRED: sign in again (details.requires = recent_sign_in) or confirm the second factor ' +
  '(recent_second_factor) first';

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Patch('api/v1/account')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: SessionUser })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'USER_HANDLE_INVALID or VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'USER_HANDLE_TAKEN' })
  async update(
    @Body() body: UpdateProfileRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<SessionUser> {
    return toUserProfile(await this.account.updateProfile(request, session, body));
  }

  @Post('api/v1/account/email')
  @Authenticated()
  @SessionOnly()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: EmailChangeSent,
    description: 'A confirmation link goes to the new address and a notice to the current one',
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EMAIL_CHANGE_SAME_ADDRESS or VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: REAUTHENTICATION })
  async requestEmailChange(
    @Body() body: EmailChangeRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<EmailChangeSent> {
    await this.account.requestEmailChange(request, session, body.email);
    return { status: 'sent' };
  }

  @Post('api/v1/account/email/verify')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionUser, description: 'The address changed; every other session has ended' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EMAIL_CHANGE_INVALID or EMAIL_CHANGE_EXPIRED' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'USER_EMAIL_TAKEN' })
  async verifyEmailChange(
    @Body() body: EmailChangeVerifyRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<SessionUser> {
    return toUserProfile(await this.account.verifyEmailChange(request, session, body.token));
  }

  @Delete('api/v1/account')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account and everything attached to it is deleted; signed out' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: REAUTHENTICATION })
  @ApiConflictResponse({
    type: ErrorResponse,
    description:
      'LAST_OWNER: you are the only Owner of the organizations in details.organizations; BILLING_SUBSCRIPTION_RENEWS: cancel your subscription first',
  })
  async delete(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.account.deleteAccount(request, response, session);
  }
}
