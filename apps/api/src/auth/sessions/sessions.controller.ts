import { Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { AppError } from '../../common/errors/app-error';
import { AllowPendingSecondFactor, Authenticated, Public, SessionOnly } from '../../common/security/route-policy';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { toUserProfile } from '../../users/user-profile';
import { UsersService } from '../../users/users.service';
import { CurrentSession } from '../current-principal.decorator';
import { principalOf, type Principal } from '../principal';
import { ActiveSession, RevokedCount, SecurityEvent, SessionState } from './sessions.dto';
import { SessionService } from './session.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('auth')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('api/v1/auth/session')
  @Public()
  @AllowPendingSecondFactor()
  @ApiOkResponse({
    type: SessionState,
    description: 'Who is signed in, the CSRF token, and the sign-in methods offered',
  })
  async current(@Req() request: Request): Promise<SessionState> {
    const { auth } = this.config;
    const methods = {
      email: true,
      github: Boolean(auth.github),
      google: Boolean(auth.google),
      sso: auth.oidc?.displayName ?? null,
      passkey: true,
      registration: auth.registrationEnabled,
    };
    const features = { billing: this.config.billing !== undefined };
    const principal = principalOf(request);
    const user = principal?.kind === 'session' ? await this.users.findById(principal.userId) : null;
    if (principal?.kind !== 'session' || !user) return { status: 'anonymous', methods, features };
    return {
      status: principal.state,
      user: toUserProfile(user),
      csrfToken: principal.csrfToken,
      methods,
      features,
    };
  }

  @Post('api/v1/auth/sign-out')
  @Authenticated()
  @SessionOnly()
  @AllowPendingSecondFactor()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is deleted on the server and its cookie cleared' })
  async signOut(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentSession() session: SessionPrincipal,
  ) {
    await this.sessions.signOut(request, response, session);
  }

  @Get('api/v1/account/sessions')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [ActiveSession] })
  async list(@CurrentSession() session: SessionPrincipal): Promise<ActiveSession[]> {
    return (await this.sessions.list(session.userId)).map((row) => ({
      id: row.id,
      current: row.id === session.sessionId,
      authMethod: row.authMethod,
      userAgent: row.userAgent,
      ipPrefix: row.ipPrefix,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }));
  }

  @Delete('api/v1/account/sessions/:id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked at once' })
  async revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ) {
    if (!(await this.sessions.revoke(session.userId, id, request))) {
      throw new AppError('SESSION_NOT_FOUND', 'No such session of yours', 404);
    }
  }

  @Post('api/v1/account/sessions/revoke-others')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RevokedCount, description: 'Every other session of this account is signed out' })
  async revokeOthers(@Req() request: Request, @CurrentSession() session: SessionPrincipal): Promise<RevokedCount> {
    return { revoked: await this.sessions.revokeOthers(session, request) };
  }

  @Get('api/v1/account/security-events')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: [SecurityEvent], description: 'The 50 most recent security events of this account' })
  async securityEvents(@CurrentSession() session: SessionPrincipal): Promise<SecurityEvent[]> {
    return (await this.audit.recentForActor(session.userId)).map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      ipPrefix: event.ipPrefix,
      userAgent: event.userAgent,
      metadata: (event.metadata ?? {}) as Record<string, unknown>,
    }));
  }
}
