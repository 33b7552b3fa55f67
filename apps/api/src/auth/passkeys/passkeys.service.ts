import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Request, Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { Passkey } from '../../generated/prisma/client';
import { Prisma } from '../../generated/prisma/client';
import { UsersService } from '../../users/users.service';
import type { Principal } from '../principal';
import { requestContext, SessionService } from '../sessions/session.service';
import { SignInService } from '../sign-in.service';
import { PasskeyChallenges } from './passkey-challenges';
import {
  NoPasskeysError,
  PasskeyAlreadyRegisteredError,
  PasskeyChallengeInvalidError,
  PasskeyCounterRegressionError,
  PasskeyNotFoundError,
  PasskeyNotRecognizedError,
  PasskeyRegistrationFailedError,
  PasskeyVerificationFailedError,
} from './passkeys.errors';
import { PasskeysRepository } from './passkeys.repository';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/**
 * Passkeys (WebAuthn discoverable credentials): registration on a signed-in session, usernameless sign-in, and use
 * as the second factor of a pending session. User verification is required everywhere, so a passkey proves
 * possession and the user's PIN or biometric at once: a passkey sign-in yields a fully active session.
 */
@Injectable()
export class PasskeysService {
  private readonly rpID: string;
  private readonly origin: string;

  constructor(
    private readonly passkeys: PasskeysRepository,
    private readonly challenges: PasskeyChallenges,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly signIn: SignInService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const appUrl = new URL(config.http.appUrl);
    this.rpID = appUrl.hostname;
    this.origin = appUrl.origin;
  }

  async registrationOptions(session: SessionPrincipal): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.users.findById(session.userId);
    if (!user) throw new PasskeyRegistrationFailedError();
    const existing = await this.passkeys.listForUser(session.userId);
    const options = await generateRegistrationOptions({
      rpName: this.config.instance.name,
      rpID: this.rpID,
      userName: user.email,
      userDisplayName: user.displayName,
      // The user handle is the opaque account id, never the address, and lets a usernameless sign-in name its owner.
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    });
    await this.challenges.issueForRegistration(options.challenge, session.sessionId);
    return options;
  }

  async register(request: Request, session: SessionPrincipal, name: string, response: unknown): Promise<Passkey> {
    const credential = asCredentialResponse<RegistrationResponseJSON>(response);
    if (!credential) throw new PasskeyRegistrationFailedError();
    const signed = signedChallengeOf(credential);
    if (!signed) throw new PasskeyChallengeInvalidError();
    const expectedChallenge = await this.challenges.consume('registration', signed, session.sessionId, signed);
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: credential,
        expectedChallenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpID,
        requireUserPresence: true,
        requireUserVerification: true,
      });
    } catch (error) {
      await this.recordFailure(request, session.userId, 'passkey.registration_failed', reasonOf(error));
      throw new PasskeyRegistrationFailedError();
    }
    if (!verification.verified) {
      await this.recordFailure(request, session.userId, 'passkey.registration_failed', 'not_verified');
      throw new PasskeyRegistrationFailedError();
    }
    const info = verification.registrationInfo;
    let passkey: Passkey;
    try {
      passkey = await this.passkeys.create({
        userId: session.userId,
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        counter: BigInt(info.credential.counter),
        transports: (info.credential.transports ?? []).filter((transport) => typeof transport === 'string'),
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new PasskeyAlreadyRegisteredError();
      }
      throw error;
    }
    await this.audit.record(
      { type: 'user', id: session.userId },
      'passkey.registered',
      { type: 'passkey', id: passkey.id },
      requestContext(request),
      { deviceType: passkey.deviceType, backedUp: passkey.backedUp },
    );
    return passkey;
  }

  list(userId: string) {
    return this.passkeys.listForUser(userId);
  }

  countForUser(userId: string) {
    return this.passkeys.countForUser(userId);
  }

  async rename(request: Request, userId: string, id: string, name: string): Promise<Passkey> {
    if (!(await this.passkeys.rename(id, userId, name))) throw new PasskeyNotFoundError();
    await this.audit.record(
      { type: 'user', id: userId },
      'passkey.renamed',
      { type: 'passkey', id },
      requestContext(request),
    );
    const passkey = await this.passkeys.findOwned(id, userId);
    if (!passkey) throw new PasskeyNotFoundError();
    return passkey;
  }

  async remove(request: Request, userId: string, id: string): Promise<void> {
    if (!(await this.passkeys.delete(id, userId))) throw new PasskeyNotFoundError();
    await this.audit.record(
      { type: 'user', id: userId },
      'passkey.deleted',
      { type: 'passkey', id },
      requestContext(request),
    );
  }

  /** Usernameless: no allowCredentials, so the authenticator offers whichever discoverable passkey the user picks. */
  async signInOptions(): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
    const options = await generateAuthenticationOptions({ rpID: this.rpID, userVerification: 'required' });
    const challengeId = await this.challenges.issue('sign_in', options.challenge, null);
    return { challengeId, options };
  }

  async signInWithPasskey(request: Request, response: Response, challengeId: string, body: unknown): Promise<void> {
    const credential = asCredentialResponse<AuthenticationResponseJSON>(body);
    const expectedChallenge = await this.challenges.consume(
      'sign_in',
      challengeId,
      null,
      credential ? signedChallengeOf(credential) : undefined,
    );
    if (!credential) throw new PasskeyVerificationFailedError();
    const passkey = await this.verifyAssertion(request, credential, expectedChallenge, undefined);
    await this.signIn.signInUser(request, response, passkey.userId, 'passkey');
  }

  async secondFactorOptions(
    session: SessionPrincipal,
  ): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
    const passkeys = await this.passkeys.listForUser(session.userId);
    if (passkeys.length === 0) throw new NoPasskeysError();
    const options = await generateAuthenticationOptions({
      rpID: this.rpID,
      userVerification: 'required',
      allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    });
    // Bound to this session: another session (even the same user's) cannot answer it.
    const challengeId = await this.challenges.issue('second_factor', options.challenge, session.sessionId);
    return { challengeId, options };
  }

  async completeSecondFactor(
    request: Request,
    response: Response,
    session: SessionPrincipal,
    challengeId: string,
    body: unknown,
  ): Promise<void> {
    const credential = asCredentialResponse<AuthenticationResponseJSON>(body);
    const expectedChallenge = await this.challenges.consume(
      'second_factor',
      challengeId,
      session.sessionId,
      credential ? signedChallengeOf(credential) : undefined,
    );
    if (!credential) throw new PasskeyVerificationFailedError();
    await this.verifyAssertion(request, credential, expectedChallenge, session.userId);
    await this.sessions.completeSecondFactor(request, response, session);
    await this.audit.record({ type: 'user', id: session.userId }, 'auth.second_factor', null, requestContext(request), {
      method: 'passkey',
    });
  }

  /**
   * Checks an assertion against the stored credential, then enforces the signature counter: when either counter is
   * non-zero, a new value not above the stored one means two authenticators hold the same key (a clone), so the
   * attempt is refused and recorded. The library is handed a zero counter so the signature is checked first and a
   * forged response cannot raise the alarm.
   */
  private async verifyAssertion(
    request: Request,
    credential: AuthenticationResponseJSON,
    expectedChallenge: string,
    requiredUserId: string | undefined,
  ): Promise<Passkey> {
    const passkey = await this.passkeys.findByCredentialId(credential.id.slice(0, 1024));
    const failureAction = requiredUserId === undefined ? 'auth.sign_in_failed' : 'auth.second_factor_failed';
    if (!passkey || (requiredUserId !== undefined && passkey.userId !== requiredUserId)) {
      await this.recordFailure(request, requiredUserId, failureAction, 'unknown_credential');
      throw new PasskeyNotRecognizedError();
    }
    const userHandle = credential.response.userHandle;
    if (userHandle !== undefined && Buffer.from(userHandle, 'base64url').toString('utf8') !== passkey.userId) {
      await this.recordFailure(request, passkey.userId, failureAction, 'user_handle_mismatch');
      throw new PasskeyNotRecognizedError();
    }
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response: credential,
        expectedChallenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpID,
        credential: {
          id: passkey.credentialId,
          publicKey: passkey.publicKey,
          counter: 0,
          transports: passkey.transports,
        },
        requireUserVerification: true,
      });
    } catch (error) {
      await this.recordFailure(request, passkey.userId, failureAction, reasonOf(error));
      throw new PasskeyVerificationFailedError();
    }
    if (!verification.verified) {
      await this.recordFailure(request, passkey.userId, failureAction, 'not_verified');
      throw new PasskeyVerificationFailedError();
    }
    const info = verification.authenticationInfo;
    const reported = BigInt(info.newCounter);
    const regressed = (reported > 0n || passkey.counter > 0n) && reported <= passkey.counter;
    const recorded =
      !regressed &&
      (await this.passkeys.recordUse(passkey.id, passkey.counter, {
        counter: reported,
        backedUp: info.credentialBackedUp,
        deviceType: info.credentialDeviceType,
        at: new Date(),
      }));
    if (!recorded) {
      await this.audit.record(
        { type: 'user', id: passkey.userId },
        'passkey.counter_regression',
        { type: 'passkey', id: passkey.id },
        requestContext(request),
        { storedCounter: passkey.counter.toString(), reportedCounter: reported.toString(), possibleClone: true },
      );
      throw new PasskeyCounterRegressionError();
    }
    return passkey;
  }

  private async recordFailure(
    request: Request,
    userId: string | undefined,
    action: 'passkey.registration_failed' | 'auth.sign_in_failed' | 'auth.second_factor_failed',
    reason: string,
  ): Promise<void> {
    await this.audit.record(
      userId ? { type: 'user', id: userId } : { type: 'anonymous' },
      action,
      null,
      requestContext(request),
      { method: 'passkey', reason },
    );
  }
}

/** The library's messages name what did not match (origin, RP ID, type, flags); they carry no secrets. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : 'not_verified';
}

/** The minimal shape the code relies on before the library checks the rest. */
function asCredentialResponse<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(
  value: unknown,
): T | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { id?: unknown; response?: unknown };
  if (typeof candidate.id !== 'string' || candidate.id.length === 0) return undefined;
  if (typeof candidate.response !== 'object' || candidate.response === null) return undefined;
  const inner = candidate.response as { clientDataJSON?: unknown; userHandle?: unknown };
  if (typeof inner.clientDataJSON !== 'string') return undefined;
  if (inner.userHandle !== undefined && typeof inner.userHandle !== 'string') return undefined;
  return value as T;
}

/** The challenge the authenticator signed over, as the browser wrote it into clientDataJSON. */
function signedChallengeOf(credential: { response: { clientDataJSON: string } }): string | undefined {
  try {
    const clientData = JSON.parse(Buffer.from(credential.response.clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof clientData.challenge === 'string' ? clientData.challenge : undefined;
  } catch {
    return undefined;
  }
}
