import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AuditService } from '../../audit/audit.service';
import { AppError } from '../../common/errors/app-error';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { UsersService } from '../../users/users.service';
import { principalOf } from '../principal';
import { requestContext } from '../sessions/session.service';
import { SignInService } from '../sign-in.service';
import { IdentitiesRepository } from './identities.repository';
import { OAuthFlowError, type OAuthFailureCode, type OAuthProvider } from './oauth.errors';
import { OAuthStateService, type FlowIntent, type FlowStart, type FlowState } from './oauth-state.service';
import type { PassportOutcome } from './passport-providers';
import { OidcClient } from './oidc-client';
import type { ProviderProfile } from './provider-profile';
import { safeReturnTo } from './return-to';

// Each start stores a state for 10 minutes: bound what one address can make us keep, yet leave room for an office
// behind one NAT address signing in at nine.
const START_LIMIT = 100;
const START_WINDOW_MS = 10 * 60_000;
const SETTINGS_PAGE = '/settings/security';

/**
 * Signing in, signing up and linking through GitHub, Google or an OpenID Provider. The rules:
 *
 * - an identity (provider, provider user id) that is linked signs its user in;
 * - an unlinked identity whose provider vouches for the address, where no account has that address, creates the
 *   account and links the identity;
 * - an unlinked identity whose address belongs to an existing account is NEVER linked silently (a provider that let
 *   someone claim that address would otherwise hand them the account): the person signs in the way they already
 *   can and links the provider from their settings;
 * - a link started from the settings page links the identity to that signed-in user, unless another user has it.
 *
 * Every outcome is a redirect: to returnTo (or the settings page) on success, to `/sign-in?error=<CODE>` otherwise,
 * and every failure is audited as auth.sign_in_failed.
 */
@Injectable()
export class OAuthService {
  constructor(
    private readonly states: OAuthStateService,
    private readonly identities: IdentitiesRepository,
    private readonly users: UsersService,
    private readonly signIn: SignInService,
    private readonly audit: AuditService,
    private readonly oidc: OidcClient,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Checks a start request: the per-address limit, returnTo, and (for links) the ticket from the settings page. */
  async prepareStart(request: Request, provider: OAuthProvider): Promise<FlowStart> {
    const { count } = await this.store.increment(`oauth:start:${request.ip ?? 'unknown'}`, START_WINDOW_MS);
    if (count > START_LIMIT) throw new OAuthFlowError('RATE_LIMITED', 'start_rate_limited');
    const linkTicket = request.query.link_token;
    if (linkTicket !== undefined) {
      const intent: FlowIntent = await this.states.redeemLinkTicket(provider, linkTicket, principalOf(request));
      return { returnTo: SETTINGS_PAGE, intent };
    }
    return { returnTo: safeReturnTo(request.query.returnTo, this.config.http.appUrl), intent: { kind: 'sign_in' } };
  }

  /** Where to send the browser to begin an OpenID Connect sign-in (or link). */
  async startOidc(request: Request, response: Response): Promise<string> {
    this.oidc.requireConfigured();
    try {
      const start = await this.prepareStart(request, 'oidc');
      const { codeVerifier, nonce } = await this.oidc.randomSecrets();
      const state = await this.states.mint(request, response, { provider: 'oidc', ...start, codeVerifier, nonce });
      return await this.oidc.authorizationUrl(state, codeVerifier, nonce);
    } catch (error) {
      return this.failed(request, 'oidc', error);
    }
  }

  /** The OpenID Connect callback: our state first (this browser, once), then the library's checks. */
  async finishOidc(request: Request, response: Response): Promise<string> {
    this.oidc.requireConfigured();
    let flow: FlowState;
    let profile: ProviderProfile;
    try {
      flow = await this.states.consume(request, 'oidc', request.query.state);
      profile = await this.oidc.callback(request, flow, request.query.state as string);
    } catch (error) {
      return this.failed(request, 'oidc', error);
    }
    return this.complete(request, response, profile, flow);
  }

  /** The GitHub/Google callback, after passport has checked the state and loaded the profile (or failed). */
  async finishPassport(
    request: Request,
    response: Response,
    provider: OAuthProvider,
    outcome: PassportOutcome,
  ): Promise<string> {
    if (!outcome.ok) return this.failed(request, provider, outcome.error);
    return this.complete(request, response, outcome.profile, outcome.flow);
  }

  /** Audits a failure and names the page that explains it. */
  async failed(request: Request, provider: OAuthProvider, error: unknown): Promise<string> {
    const { code, detail, userId } = this.classify(error);
    if (!(error instanceof AppError)) {
      // Not a flow decision but a fault of ours (database, bug): keep the stack.
      this.logger.error({ provider, err: error }, 'provider sign-in failed unexpectedly');
    } else if (code === 'OAUTH_FAILED') {
      // The detail is a library or protocol error code, never a token or an address.
      this.logger.warn({ provider, reason: detail }, 'provider sign-in failed');
    }
    await this.audit.record(
      userId ? { type: 'user', id: userId } : { type: 'anonymous' },
      'auth.sign_in_failed',
      null,
      requestContext(request),
      { method: provider, reason: code, detail },
    );
    return `/sign-in?error=${code}`;
  }

  private async complete(
    request: Request,
    response: Response,
    profile: ProviderProfile,
    flow: FlowState,
  ): Promise<string> {
    try {
      return flow.intent.kind === 'link'
        ? await this.link(request, profile, flow.intent.userId)
        : await this.signInOrUp(request, response, profile, flow.returnTo);
    } catch (error) {
      return this.failed(request, profile.provider, error);
    }
  }

  private async signInOrUp(
    request: Request,
    response: Response,
    profile: ProviderProfile,
    returnTo: string,
  ): Promise<string> {
    const linked = await this.identities.findByProviderUserId(profile.provider, profile.providerUserId);
    if (linked) {
      // The identity itself proves who this is; its email only matters for creating or matching accounts.
      await this.signIn.signInUser(request, response, linked.userId, profile.provider);
      await this.identities.touch(linked.id, profile.verifiedEmail);
      return returnTo;
    }
    if (!profile.verifiedEmail) throw new OAuthFlowError('OAUTH_EMAIL_UNVERIFIED', 'email_not_verified');
    const existing = await this.users.findByEmail(profile.verifiedEmail);
    if (existing) {
      throw new OAuthFlowError('ACCOUNT_EXISTS_LINK_REQUIRED', 'email_belongs_to_account', existing.id);
    }
    // newAccountOnly: an account created for this address since the check above is refused, not merged.
    const outcome = await this.signIn.signInWithVerifiedEmail(
      request,
      response,
      profile.provider,
      profile.verifiedEmail,
      { displayName: profile.displayName, handleHint: profile.handleHint, avatarUrl: profile.avatarUrl },
      { newAccountOnly: true },
    );
    const identity = await this.identities.create({
      userId: outcome.user.id,
      provider: profile.provider,
      providerUserId: profile.providerUserId,
      email: profile.verifiedEmail,
    });
    if (identity) await this.auditLinked(request, outcome.user.id, identity.id, profile.provider, 'sign_up');
    return returnTo;
  }

  private async link(request: Request, profile: ProviderProfile, userId: string): Promise<string> {
    // The browser must still be signed in as the user who asked, with the second factor done.
    const principal = principalOf(request);
    if (principal?.kind !== 'session' || principal.userId !== userId || principal.state !== 'active') {
      throw new OAuthFlowError('OAUTH_LINK_INVALID', 'link_session_changed', userId);
    }
    const done = `${SETTINGS_PAGE}?linked=${profile.provider}`;
    const linked = await this.identities.findByProviderUserId(profile.provider, profile.providerUserId);
    if (linked) {
      if (linked.userId !== userId) throw new OAuthFlowError('IDENTITY_ALREADY_LINKED', 'linked_elsewhere', userId);
      await this.identities.touch(linked.id, profile.verifiedEmail);
      return done;
    }
    const identity = await this.identities.create({
      userId,
      provider: profile.provider,
      providerUserId: profile.providerUserId,
      email: profile.verifiedEmail,
    });
    if (!identity) throw new OAuthFlowError('IDENTITY_ALREADY_LINKED', 'linked_concurrently', userId);
    await this.auditLinked(request, userId, identity.id, profile.provider, 'settings');
    return done;
  }

  private auditLinked(request: Request, userId: string, identityId: string, provider: OAuthProvider, via: string) {
    return this.audit.record(
      { type: 'user', id: userId },
      'auth.identity_linked',
      { type: 'auth_identity', id: identityId },
      requestContext(request),
      { provider, via },
    );
  }

  private classify(error: unknown): { code: OAuthFailureCode; detail: string; userId?: string } {
    if (error instanceof OAuthFlowError) {
      return { code: error.failureCode, detail: error.detail, userId: error.targetUserId };
    }
    if (error instanceof AppError && error.code === 'REGISTRATION_CLOSED') {
      return { code: 'REGISTRATION_CLOSED', detail: 'registration_closed' };
    }
    if (error instanceof AppError && error.code === 'USER_EMAIL_TAKEN') {
      return { code: 'ACCOUNT_EXISTS_LINK_REQUIRED', detail: 'email_taken_concurrently' };
    }
    return { code: 'OAUTH_FAILED', detail: error instanceof Error ? error.name : 'unknown_error' };
  }
}
