import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Public } from '../../common/security/route-policy';
import { MagicLinkRequest, MagicLinkSent, MagicLinkVerifyRequest, SignInResult } from './magic-link.dto';
import { MagicLinkService } from './magic-link.service';

@ApiTags('auth')
@Controller('api/v1/auth/magic-link')
export class MagicLinkController {
  constructor(private readonly magicLinks: MagicLinkService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: MagicLinkSent,
    description: 'The same answer for every address; a link is mailed when the address may sign in',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED: too many requests from this client' })
  async request(@Body() body: MagicLinkRequest, @Req() request: Request): Promise<MagicLinkSent> {
    await this.magicLinks.request(request, body.email);
    return { status: 'sent' };
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResult, description: 'Signed in; the session cookie is set' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'MAGIC_LINK_INVALID or MAGIC_LINK_EXPIRED' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'REGISTRATION_CLOSED' })
  verify(
    @Body() body: MagicLinkVerifyRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResult> {
    return this.magicLinks.verify(request, response, body.token);
  }
}
