import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, CommonErrorCode } from '../common/errors/app-error';
import { OrganizationTokenRefusedError } from './auth.errors';
import { principalOf, type Principal, type UserPrincipal } from './principal';

/** The caller of an @Authenticated route (the guard has already checked there is one). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<Request>());
  if (!principal) throw new AppError(CommonErrorCode.Unauthenticated, 'Sign in or present an API token', 401);
  return principal;
});

/** The person calling (their session or personal token), on routes for people: organization tokens are refused. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserPrincipal => {
  const principal = principalOf(context.switchToHttp().getRequest<Request>());
  if (!principal) throw new AppError(CommonErrorCode.Unauthenticated, 'Sign in or present an API token', 401);
  if (principal.kind === 'organization-token') throw new OrganizationTokenRefusedError();
  return principal;
});

/** The caller's session, on routes that are @SessionOnly (or that otherwise refuse tokens). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = principalOf(context.switchToHttp().getRequest<Request>());
  if (principal?.kind !== 'session') {
    throw new AppError('SESSION_REQUIRED', 'This action needs a signed-in browser session, not an API token', 403);
  }
  return principal;
});

/** The caller on a @Public route, when there is one: public routes still answer owners differently. */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    principalOf(context.switchToHttp().getRequest<Request>()),
);
