import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppError, CommonErrorCode } from '../common/errors/app-error';
import { ApiTokenService } from './api-tokens/api-token.service';
import { setPrincipal } from './principal';
import { SessionService } from './sessions/session.service';

/**
 * Works out who is calling, once per request: a bearer API token, else the session cookie. It only identifies;
 * the route-policy guard decides what the principal may do. A bearer header that is not a valid token is refused
 * outright rather than silently treated as anonymous.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokenService,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    try {
      const authorization = request.headers.authorization;
      if (authorization) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        const principal = match?.[1] ? await this.apiTokens.authenticate(match[1], request.ip) : undefined;
        if (!principal) {
          throw new AppError(CommonErrorCode.Unauthenticated, 'The API token is invalid, expired or revoked', 401);
        }
        setPrincipal(request, principal);
      } else {
        const principal = await this.sessions.resolve(request);
        if (principal) setPrincipal(request, principal);
      }
      next();
    } catch (error) {
      next(error);
    }
  }
}
