import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppError, CommonErrorCode } from '../errors/app-error';
import { ErrorResponse } from '../errors/error-envelope';

export const ROUTE_POLICY = 'lynxprompt:route-policy';

export type RoutePolicy =
  { readonly access: 'public' } | { readonly access: 'authenticated'; readonly scopes: string[] };

/** Anyone may call this route (rate limits still apply). */
export const Public = () => SetMetadata(ROUTE_POLICY, { access: 'public' } satisfies RoutePolicy);

/** A signed-in session or an API token carrying every listed scope is required. */
export const Authenticated = (...scopes: string[]) =>
  applyDecorators(
    SetMetadata(ROUTE_POLICY, { access: 'authenticated', scopes } satisfies RoutePolicy),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Not signed in, or missing a required scope' }),
  );

/** The principal an authentication layer attaches to the request; absent until someone signs in. */
export interface RequestPrincipal {
  readonly userId: string;
  readonly scopes: readonly string[] | 'all';
}

export function policyOf(reflector: Reflector, context: ExecutionContext): RoutePolicy | undefined {
  return reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
}

/**
 * Fails closed: a route that forgot to declare its policy answers 500 instead of serving anyone. The route-policy
 * test catches that before it ships.
 */
@Injectable()
export class RoutePolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = policyOf(this.reflector, context);
    if (!policy) {
      throw new AppError('ROUTE_POLICY_MISSING', 'This route has no declared access policy', 500);
    }
    if (policy.access === 'public') return true;
    const principal = context.switchToHttp().getRequest<{ principal?: RequestPrincipal }>().principal;
    if (!principal) {
      throw new AppError(CommonErrorCode.Unauthenticated, 'Sign in or present an API token', 401);
    }
    const missing =
      principal.scopes === 'all' ? [] : policy.scopes.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) {
      throw new AppError(CommonErrorCode.Forbidden, 'The token lacks a required scope', 403, {
        missingScopes: missing,
      });
    }
    return true;
  }
}
