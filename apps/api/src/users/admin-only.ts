import { applyDecorators, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import { AdminRequiredError } from './users.errors';
import { UsersService } from './users.service';

/** Runs after the route-policy guard has established a signed-in session; the role is read fresh each time. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly users: UsersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    if (!principal) throw new AdminRequiredError();
    await this.users.requireAdmin(principal.userId);
    return true;
  }
}

/** Administrators only, from a browser session (never an API token). The module must import UsersModule. */
export const AdminOnly = () =>
  applyDecorators(
    Authenticated(),
    SessionOnly(),
    UseGuards(AdminGuard),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: administrators only' }),
  );
