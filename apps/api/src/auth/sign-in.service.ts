import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { User } from '../generated/prisma/client';
import { UsersService } from '../users/users.service';
import { requestContext, SessionService } from './sessions/session.service';
import { TwoStepRepository } from './two-step/two-step.repository';

export type FirstFactor = 'magic_link' | 'github' | 'google' | 'oidc';

export interface SignInOutcome {
  user: User;
  created: boolean;
  /** True when the session still owes a second factor. */
  secondFactorRequired: boolean;
}

/**
 * Where every sign-in method ends: provisions the account for a proven address, then starts the session. With
 * two-step verification on, a first factor yields only a pending session; the server refuses everything else to it
 * until a TOTP code, a recovery code or a passkey succeeds.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly twoStep: TwoStepRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signInWithVerifiedEmail(
    request: Request,
    response: Response,
    method: FirstFactor,
    email: string,
    profile: { displayName?: string; handleHint?: string; avatarUrl?: string | null } = {},
    options: { newAccountOnly?: boolean } = {},
  ): Promise<SignInOutcome> {
    // newAccountOnly: a provider sign-up must never land in an existing account, even one created a moment ago.
    const { user, created } = await this.users.provisionForVerifiedEmail(email, profile, {
      registrationEnabled: this.config.auth.registrationEnabled,
      adminEmail: this.config.auth.adminEmail,
      newAccountOnly: options.newAccountOnly,
    });
    if (created) {
      await this.audit.record(
        { type: 'user', id: user.id },
        'user.created',
        { type: 'user', id: user.id },
        requestContext(request),
        { method },
      );
    }
    const secondFactorRequired = await this.startSession(request, response, user.id, method, false);
    return { user, created, secondFactorRequired };
  }

  /** For an already identified user (a linked provider identity, a passkey, which proves two factors at once). */
  async signInUser(
    request: Request,
    response: Response,
    userId: string,
    method: FirstFactor | 'passkey',
  ): Promise<boolean> {
    return this.startSession(request, response, userId, method, method === 'passkey');
  }

  private async startSession(
    request: Request,
    response: Response,
    userId: string,
    method: string,
    secondFactorProven: boolean,
  ): Promise<boolean> {
    const secondFactorRequired = !secondFactorProven && (await this.twoStep.isEnabled(userId));
    await this.sessions.start(request, response, {
      userId,
      method,
      state: secondFactorRequired ? 'pending_second_factor' : 'active',
      secondFactor: secondFactorProven,
    });
    await this.audit.record(
      { type: 'user', id: userId },
      secondFactorRequired ? 'auth.sign_in_pending_second_factor' : 'auth.sign_in',
      null,
      requestContext(request),
      { method },
    );
    return secondFactorRequired;
  }

  /** Whether the user has two-step verification on: sensitive actions then also need a recent second factor. */
  twoStepEnabled(userId: string): Promise<boolean> {
    return this.twoStep.isEnabled(userId);
  }

  /** A failed attempt, for the user's security log when we know whose account was targeted. */
  async recordFailure(request: Request, method: string, reason: string, userId?: string): Promise<void> {
    await this.audit.record(
      userId ? { type: 'user', id: userId } : { type: 'anonymous' },
      'auth.sign_in_failed',
      null,
      requestContext(request),
      { method, reason },
    );
  }
}
