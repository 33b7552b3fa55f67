import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { AuditService } from '../../audit/audit.service';
import { FieldEncryption } from '../../common/crypto/field-encryption';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { UsersService } from '../../users/users.service';
import { PasskeysService } from '../passkeys/passkeys.service';
import type { Principal } from '../principal';
import { requestContext, SessionService } from '../sessions/session.service';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import {
  RecoveryCodeInvalidError,
  TwoStepAlreadyEnabledError,
  TwoStepCodeInvalidError,
  TwoStepCodeReusedError,
  TwoStepLockedError,
  TwoStepNotEnabledError,
  TwoStepSetupRequiredError,
} from './two-step.errors';
import { TwoStepRepository } from './two-step.repository';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/** Wrong codes allowed per user within the window before the second factor locks. */
export const MAX_CODE_FAILURES = 5;
export const CODE_FAILURE_WINDOW_MS = 15 * 60_000;
export const CODE_LOCK_MS = 15 * 60_000;
// ±30 s around now with 30 s steps: the previous, current and next code, for clocks a little off.
const EPOCH_TOLERANCE_SECONDS = 30;

export interface TotpSetup {
  otpauthUri: string;
  qrCodeDataUrl: string;
  secret: string;
}

export interface TwoStepStatus {
  totpEnabled: boolean;
  recoveryCodesRemaining: number;
  passkeys: number;
}

/**
 * Two-step verification with an authenticator app (TOTP, RFC 6238) and single-use recovery codes. The secret is
 * stored encrypted and bound to its user; each accepted time step is remembered so a code works once; wrong codes
 * are counted per user in the shared store and lock the factor for a while, whichever replica they hit.
 */
@Injectable()
export class TwoStepService {
  constructor(
    private readonly factors: TwoStepRepository,
    private readonly encryption: FieldEncryption,
    private readonly users: UsersService,
    private readonly passkeys: PasskeysService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(userId: string): Promise<TwoStepStatus> {
    const [totpEnabled, recoveryCodesRemaining, passkeys] = await Promise.all([
      this.factors.isEnabled(userId),
      this.factors.countUnusedRecoveryCodes(userId),
      this.passkeys.countForUser(userId),
    ]);
    return { totpEnabled, recoveryCodesRemaining: totpEnabled ? recoveryCodesRemaining : 0, passkeys };
  }

  /** A new secret for the authenticator app; nothing changes for sign-in until a code confirms it. */
  async setup(session: SessionPrincipal): Promise<TotpSetup> {
    const user = await this.users.findById(session.userId);
    if (!user) throw new TwoStepSetupRequiredError();
    const secret = generateSecret();
    const saved = await this.factors.savePending(user.id, this.encryption.encrypt(secret, this.context(user.id)));
    if (!saved) throw new TwoStepAlreadyEnabledError();
    const otpauthUri = generateURI({ issuer: this.config.instance.name, label: user.handle, secret });
    return { otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M' }), secret };
  }

  /** The first code turns two-step on and returns the recovery codes, once. */
  async confirm(request: Request, response: Response, session: SessionPrincipal, code: string): Promise<string[]> {
    const factor = await this.factors.findFactor(session.userId);
    if (!factor) throw new TwoStepSetupRequiredError();
    if (factor.enabledAt) throw new TwoStepAlreadyEnabledError();
    const step = await this.matchingStep(session.userId, factor.secretEncrypted, code);
    if (step === undefined) throw new TwoStepCodeInvalidError();
    const codes = generateRecoveryCodes();
    const hashes = codes.map((recoveryCode) => hashRecoveryCode(session.userId, normalizeRecoveryCode(recoveryCode)!));
    if (!(await this.factors.enable(session.userId, step, hashes, new Date()))) throw new TwoStepAlreadyEnabledError();
    await this.audit.record({ type: 'user', id: session.userId }, 'two_step.enabled', null, requestContext(request), {
      method: 'totp',
    });
    // A privilege change: the session gets a new id, and counts as having just proven the second factor.
    await this.sessions.completeSecondFactor(request, response, session);
    return codes;
  }

  async verifyTotp(request: Request, response: Response, session: SessionPrincipal, code: string): Promise<void> {
    const attempt = await this.beginAttempt(request, session.userId);
    const factor = await this.factors.findFactor(session.userId);
    if (!factor?.enabledAt) throw new TwoStepNotEnabledError();
    const step = await this.matchingStep(session.userId, factor.secretEncrypted, code);
    if (step === undefined) throw await this.fail(request, session.userId, attempt, 'totp', 'invalid_code');
    if (
      (factor.lastUsedStep !== null && step <= factor.lastUsedStep) ||
      !(await this.factors.advanceStep(session.userId, step))
    ) {
      throw await this.fail(request, session.userId, attempt, 'totp', 'replayed_code');
    }
    await this.succeed(request, response, session, 'totp');
  }

  async verifyRecoveryCode(
    request: Request,
    response: Response,
    session: SessionPrincipal,
    code: string,
  ): Promise<void> {
    const attempt = await this.beginAttempt(request, session.userId);
    if (!(await this.factors.isEnabled(session.userId))) throw new TwoStepNotEnabledError();
    const normalized = normalizeRecoveryCode(code);
    const spent =
      normalized !== undefined &&
      (await this.factors.spendRecoveryCode(session.userId, hashRecoveryCode(session.userId, normalized), new Date()));
    if (!spent) throw await this.fail(request, session.userId, attempt, 'recovery_code', 'invalid_code');
    await this.audit.record(
      { type: 'user', id: session.userId },
      'two_step.recovery_code_used',
      null,
      requestContext(request),
      { remaining: await this.factors.countUnusedRecoveryCodes(session.userId) },
    );
    await this.succeed(request, response, session, 'recovery_code');
  }

  /** Turning two-step off needs a second factor proven in the last few minutes, not just a stolen session. */
  async disable(request: Request, session: SessionPrincipal): Promise<void> {
    const factor = await this.factors.findFactor(session.userId);
    if (!factor) throw new TwoStepNotEnabledError();
    // An abandoned, never confirmed setup protects nothing, so cancelling it needs no proof.
    if (factor.enabledAt) this.sessions.assertRecent(session, 'second factor');
    await this.factors.deleteAll(session.userId);
    await this.audit.record({ type: 'user', id: session.userId }, 'two_step.disabled', null, requestContext(request), {
      wasEnabled: Boolean(factor.enabledAt),
    });
  }

  async regenerateRecoveryCodes(request: Request, session: SessionPrincipal): Promise<string[]> {
    if (!(await this.factors.isEnabled(session.userId))) throw new TwoStepNotEnabledError();
    this.sessions.assertRecent(session, 'second factor');
    const codes = generateRecoveryCodes();
    await this.factors.replaceRecoveryCodes(
      session.userId,
      codes.map((recoveryCode) => hashRecoveryCode(session.userId, normalizeRecoveryCode(recoveryCode)!)),
    );
    await this.audit.record(
      { type: 'user', id: session.userId },
      'two_step.recovery_codes_regenerated',
      null,
      requestContext(request),
    );
    return codes;
  }

  /** The time step a code belongs to, within the tolerated window, or undefined when it matches none. */
  private async matchingStep(userId: string, secretEncrypted: string, code: string): Promise<bigint | undefined> {
    const secret = this.encryption.decrypt(secretEncrypted, this.context(userId));
    const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? BigInt(result.timeStep) : undefined;
  }

  /**
   * Counts the attempt before checking the code, so a burst of parallel guesses cannot all be checked before the
   * lock lands: only the first MAX_CODE_FAILURES in a window are ever compared. Returns the attempt's number.
   */
  private async beginAttempt(request: Request, userId: string): Promise<number> {
    const lockedUntil = Number((await this.store.get(this.lockKey(userId))) ?? 0);
    if (lockedUntil > Date.now()) throw new TwoStepLockedError(Math.ceil((lockedUntil - Date.now()) / 1000));
    const { count } = await this.store.increment(this.attemptsKey(userId), CODE_FAILURE_WINDOW_MS);
    if (count > MAX_CODE_FAILURES) throw await this.lock(request, userId, count);
    return count;
  }

  /** Records a wrong code and returns the error to throw: the lockout once the limit is reached. */
  private async fail(
    request: Request,
    userId: string,
    attempt: number,
    method: 'totp' | 'recovery_code',
    reason: string,
  ): Promise<TwoStepCodeInvalidError | TwoStepCodeReusedError | RecoveryCodeInvalidError | TwoStepLockedError> {
    await this.audit.record({ type: 'user', id: userId }, 'auth.second_factor_failed', null, requestContext(request), {
      method,
      reason,
      attempt,
    });
    if (attempt >= MAX_CODE_FAILURES) return this.lock(request, userId, attempt);
    if (method === 'recovery_code') return new RecoveryCodeInvalidError();
    return reason === 'replayed_code' ? new TwoStepCodeReusedError() : new TwoStepCodeInvalidError();
  }

  private async lock(request: Request, userId: string, failures: number): Promise<TwoStepLockedError> {
    const until = Date.now() + CODE_LOCK_MS;
    // Only the request that actually sets the lock records it; a burst behind it would otherwise flood the trail.
    if (await this.store.setIfAbsent(this.lockKey(userId), String(until), CODE_LOCK_MS)) {
      await this.store.delete(this.attemptsKey(userId));
      await this.audit.record({ type: 'user', id: userId }, 'two_step.locked', null, requestContext(request), {
        failures,
        lockedForSeconds: CODE_LOCK_MS / 1000,
      });
      return new TwoStepLockedError(CODE_LOCK_MS / 1000);
    }
    const current = Number((await this.store.get(this.lockKey(userId))) ?? until);
    return new TwoStepLockedError(Math.max(1, Math.ceil((current - Date.now()) / 1000)));
  }

  private async succeed(
    request: Request,
    response: Response,
    session: SessionPrincipal,
    method: 'totp' | 'recovery_code',
  ): Promise<void> {
    await this.store.delete(this.attemptsKey(session.userId));
    await this.sessions.completeSecondFactor(request, response, session);
    await this.audit.record({ type: 'user', id: session.userId }, 'auth.second_factor', null, requestContext(request), {
      method,
    });
  }

  private context(userId: string): string {
    return `totp:${userId}`;
  }

  private attemptsKey(userId: string): string {
    return `two-step:attempts:${userId}`;
  }

  private lockKey(userId: string): string {
    return `two-step:lock:${userId}`;
  }
}
