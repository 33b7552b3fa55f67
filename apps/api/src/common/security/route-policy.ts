import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  CsrfError,
  OrganizationTokenRefusedError,
  SecondFactorRequiredError,
  SessionOnlyError,
} from '../../auth/auth.errors';
import { forgetPrincipal, principalOf, type Principal } from '../../auth/principal';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppError, CommonErrorCode } from '../errors/app-error';
import { ErrorResponse } from '../errors/error-envelope';
import { secretsEqual } from '../crypto/secret-token';

export const ROUTE_POLICY = 'lynxprompt:route-policy';
const ALLOW_PENDING = 'lynxprompt:allow-pending-second-factor';
const SESSION_ONLY = 'lynxprompt:session-only';
const ORGANIZATION_TOKENS = 'lynxprompt:organization-tokens';
const BEARER_ONLY = 'lynxprompt:bearer-only';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

/**
 * The route answers a session that still owes its second factor as that session (finishing or abandoning the sign-in:
 * the second-factor routes, the session state, sign-out). Everywhere else such a session is refused or anonymous.
 */
export const AllowPendingSecondFactor = () => SetMetadata(ALLOW_PENDING, true);

/** API tokens may not call this route, whatever their scopes (managing credentials, deleting the account). */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/**
 * Organization tokens may call this authenticated route (content routes, which ask `can` about the organization's
 * content). Everywhere else they are refused, so no route written for a person can mistake one for a user.
 */
export const AllowOrganizationTokens = () => SetMetadata(ORGANIZATION_TOKENS, true);

/** On a route of an @AllowOrganizationTokens() controller: this one is a person's (favourites), tokens of none. */
export const PeopleOnly = () => SetMetadata(ORGANIZATION_TOKENS, false);

/**
 * The route ignores session cookies: a browser session is anonymous there, and only a bearer token identifies the
 * caller. For endpoints driven by agents (/mcp), so no web page can act through a signed-in user's cookie.
 */
export const BearerOnly = () => SetMetadata(BEARER_ONLY, true);

/**
 * Refuses a caller that is not a token carrying every scope (401 anonymous, 403 FORBIDDEN with `missingScopes`): the
 * guard's scope check, shared with handlers that gate per operation rather than per route (MCP tools).
 */
export function requireTokenScopes(principal: Principal | undefined, scopes: readonly string[]): Principal {
  if (!principal) throw new AppError(CommonErrorCode.Unauthenticated, 'Sign in or present an API token', 401);
  if (principal.kind === 'session') return principal;
  const missing = scopes.filter((scope) => !principal.scopes.includes(scope));
  if (missing.length > 0) {
    throw new AppError(CommonErrorCode.Forbidden, 'The token lacks a required scope', 403, {
      missingScopes: missing,
    });
  }
  return principal;
}

export function policyOf(reflector: Reflector, context: ExecutionContext): RoutePolicy | undefined {
  return reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
}

/**
 * The one place access is decided, for every route. Fails closed: a route that forgot to declare its policy answers
 * 500 instead of serving anyone (the route-policy test catches that before it ships). A session that still owes its
 * second factor may only finish signing in: outside `@AllowPendingSecondFactor()` routes it is refused on
 * authenticated routes and treated as anonymous on public ones, so nothing downstream can mistake it for its user.
 * For authenticated routes it enforces, in order: someone is signed in; a session has completed its second factor;
 * API tokens carry the scopes and may use the route at all; cookie-authenticated writes carry the CSRF token and come
 * from our own origin.
 */
@Injectable()
export class RoutePolicyGuard implements CanActivate {
  private readonly ownOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ownOrigin = new URL(config.http.appUrl).origin;
  }

  canActivate(context: ExecutionContext): boolean {
    const policy = policyOf(this.reflector, context);
    if (!policy) {
      throw new AppError('ROUTE_POLICY_MISSING', 'This route has no declared access policy', 500);
    }
    const request = context.switchToHttp().getRequest<Request>();
    const flag = (key: string) =>
      this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]);
    // Before the CSRF check: on a bearer-only route a cookie proves nothing, so it is not even looked at.
    if (principalOf(request)?.kind === 'session' && flag(BEARER_ONLY)) forgetPrincipal(request);
    const principal = principalOf(request);
    // A signed-in browser writing to a public route (e.g. sign-out of a stale page) still proves it is us.
    if (principal?.kind === 'session' && !SAFE_METHODS.has(request.method)) this.assertSameSite(request, principal);
    const owesSecondFactor =
      principal?.kind === 'session' && principal.state === 'pending_second_factor' && !flag(ALLOW_PENDING);
    if (policy.access === 'public') {
      if (owesSecondFactor) forgetPrincipal(request);
      return true;
    }
    if (!principal) {
      throw new AppError(CommonErrorCode.Unauthenticated, 'Sign in or present an API token', 401);
    }
    if (principal.kind === 'session') {
      if (owesSecondFactor) throw new SecondFactorRequiredError();
      return true;
    }
    // An organization token hears the same answer on every route for people, session-only ones included.
    if (principal.kind === 'organization-token' && !flag(ORGANIZATION_TOKENS))
      throw new OrganizationTokenRefusedError();
    if (flag(SESSION_ONLY)) throw new SessionOnlyError();
    requireTokenScopes(principal, policy.scopes);
    return true;
  }

  private assertSameSite(request: Request, principal: Extract<Principal, { kind: 'session' }>): void {
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
    if (origin !== this.ownOrigin) throw new CsrfError(origin ? `origin ${origin} is not allowed` : 'no Origin header');
    const presented = request.headers['x-csrf-token'];
    if (typeof presented !== 'string' || !secretsEqual(presented, principal.csrfToken)) {
      throw new CsrfError('missing or wrong X-CSRF-Token');
    }
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
