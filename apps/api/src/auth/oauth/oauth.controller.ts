import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Public } from '../../common/security/route-policy';
import { OAuthCallbackGuard, OAuthStartGuard } from './oauth.guards';
import { OAuthService } from './oauth.service';
import { outcomeOf, type PassportProvider } from './passport-providers';

const RETURN_TO = {
  name: 'returnTo',
  required: false,
  description: 'A path on this site to come back to after signing in (anything else is replaced by /)',
};
const LINK_TOKEN = {
  name: 'link_token',
  required: false,
  description: 'Set by POST /api/v1/account/identities/{provider}/link: link instead of signing in',
};
const NOT_CONFIGURED = { type: ErrorResponse, description: 'PROVIDER_NOT_CONFIGURED' };
const TO_PROVIDER = { description: "Redirect to the provider's authorization page (or to /sign-in?error=<CODE>)" };
const BACK_HOME = {
  description: 'Redirect to returnTo, /settings/security?linked=<provider>, or /sign-in?error=<CODE>',
};

/** Browser redirects of provider sign-in. These routes answer with 302s, never JSON (except 404 when unconfigured). */
@ApiTags('auth')
@Controller()
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  @Get('api/v1/auth/oauth/:provider/start')
  @Public()
  @UseGuards(OAuthStartGuard)
  @ApiParam({ name: 'provider', enum: ['github', 'google'] })
  @ApiQuery(RETURN_TO)
  @ApiQuery(LINK_TOKEN)
  @ApiFoundResponse(TO_PROVIDER)
  @ApiNotFoundResponse(NOT_CONFIGURED)
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    // Reached only when the flow could not start: passport has otherwise already redirected to the provider.
    const provider = request.params.provider as PassportProvider;
    response.redirect(302, await this.oauth.finishPassport(request, response, provider, outcomeOf(request)));
  }

  @Get('api/v1/auth/oauth/:provider/callback')
  @Public()
  @UseGuards(OAuthCallbackGuard)
  @ApiParam({ name: 'provider', enum: ['github', 'google'] })
  @ApiFoundResponse(BACK_HOME)
  @ApiNotFoundResponse(NOT_CONFIGURED)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const provider = request.params.provider as PassportProvider;
    response.redirect(302, await this.oauth.finishPassport(request, response, provider, outcomeOf(request)));
  }

  @Get('api/v1/auth/oidc/start')
  @Public()
  @ApiQuery(RETURN_TO)
  @ApiQuery(LINK_TOKEN)
  @ApiFoundResponse(TO_PROVIDER)
  @ApiNotFoundResponse(NOT_CONFIGURED)
  async oidcStart(@Req() request: Request, @Res() response: Response): Promise<void> {
    const location = await this.oauth.startOidc(request, response);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, location);
  }

  @Get('api/v1/auth/oidc/callback')
  @Public()
  @ApiFoundResponse(BACK_HOME)
  @ApiNotFoundResponse(NOT_CONFIGURED)
  async oidcCallback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const location = await this.oauth.finishOidc(request, response);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, location);
  }
}
