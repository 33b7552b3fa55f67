import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OAuthFlowError } from './oauth.errors';
import { OAuthService } from './oauth.service';
import { PassportProviders, recordOutcome } from './passport-providers';

function httpOf(context: ExecutionContext): { request: Request; response: Response } {
  const http = context.switchToHttp();
  return { request: http.getRequest<Request>(), response: http.getResponse<Response>() };
}

/**
 * GET …/oauth/:provider/start. Passport answers with the 302 to the provider itself, so the route's handler only
 * runs when the flow could not start (limit, bad link ticket, state not stored) and then redirects to the error.
 */
@Injectable()
export class OAuthStartGuard implements CanActivate {
  constructor(
    private readonly providers: PassportProviders,
    private readonly oauth: OAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { request, response } = httpOf(context);
    const provider = this.providers.require(request.params.provider);
    response.setHeader('Cache-Control', 'no-store');
    try {
      // Passport reads a `code` (or `error`) on any route as a callback; the start route must only ever start.
      if (request.query.code !== undefined || request.query.error !== undefined) {
        throw new OAuthFlowError('OAUTH_FAILED', 'start_with_callback_parameters');
      }
      const start = await this.oauth.prepareStart(request, provider);
      recordOutcome(request, await this.providers.redirectToProvider(provider, context, start));
    } catch (error) {
      recordOutcome(request, { ok: false, error });
    }
    return true;
  }
}

/** GET …/oauth/:provider/callback: passport checks our state, redeems the code and loads the profile. */
@Injectable()
export class OAuthCallbackGuard implements CanActivate {
  constructor(private readonly providers: PassportProviders) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { request, response } = httpOf(context);
    const provider = this.providers.require(request.params.provider);
    response.setHeader('Cache-Control', 'no-store');
    const { code, error } = request.query;
    // Without either, passport would take this for a new login and redirect to the provider again.
    if (code === undefined && error === undefined) {
      recordOutcome(request, { ok: false, error: new OAuthFlowError('OAUTH_FAILED', 'callback_without_code') });
      return true;
    }
    recordOutcome(request, await this.providers.handleCallback(provider, context));
    return true;
  }
}
