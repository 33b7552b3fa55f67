import { applyDecorators, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import { AdminRequiredError } from './users.errors';
import { AccessService } from '../access/access.service';
import { INSTANCE } from '../access/permissions';

/**
 * Runs after the route-policy guard has established a signed-in session, and asks the permission function
 * (`instance.administer`); the role is read fresh each time.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly access: AccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    if (!(await this.access.can(principal, 'instance.administer', INSTANCE))) throw new AdminRequiredError();
    return true;
  }
}

/** Administrators only, from a browser session (never an API token). */
export const AdminOnly = () =>
  applyDecorators(
    Authenticated(),
    SessionOnly(),
    UseGuards(AdminGuard),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: administrators only' }),
  );
