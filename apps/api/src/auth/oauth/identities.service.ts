import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../audit/audit.service';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { requestContext } from '../sessions/session.service';
import { IdentitiesRepository, type SignInMethodCounts } from './identities.repository';
import {
  IdentityNotFoundError,
  LastSignInMethodError,
  LinkRateLimitedError,
  ProviderNotConfiguredError,
  type OAuthProvider,
} from './oauth.errors';
import { OAuthStateService } from './oauth-state.service';
import { OidcClient } from './oidc-client';
import { PassportProviders } from './passport-providers';

// Magic links are offered on every instance (`methods.email` of GET /auth/session). Should that ever become
// optional, this is the one switch the last-method rule needs.
const EMAIL_SIGN_IN_ENABLED = true;
const LINK_LIMIT = 10;
const LINK_WINDOW_MS = 10 * 60_000;

/** Whether a user keeps at least one way to sign in: identities, passkeys, and a verified address for magic links. */
export function keepsASignInMethod(remaining: SignInMethodCounts): boolean {
  const email = EMAIL_SIGN_IN_ENABLED && remaining.emailVerified ? 1 : 0;
  return remaining.identities + remaining.passkeys + email > 0;
}

/** The provider identities linked to an account: list, start a link, unlink (never the last way in). */
@Injectable()
export class IdentitiesService {
  constructor(
    private readonly identities: IdentitiesRepository,
    private readonly states: OAuthStateService,
    private readonly passportProviders: PassportProviders,
    private readonly oidc: OidcClient,
    private readonly audit: AuditService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(userId: string) {
    return this.identities.listForUser(userId);
  }

  /**
   * Where this session's browser goes to link a provider: our own start route with a single-use ticket bound to the
   * session. Linking can therefore only begin from this CSRF-protected request, never from a link someone else
   * crafted; the start route hands the intent to the provider flow's state.
   */
  async linkUrl(userId: string, sessionId: string, provider: string): Promise<string> {
    const configured = this.configuredProvider(provider);
    const { count, ttlMs } = await this.store.increment(`oauth:link:user:${userId}`, LINK_WINDOW_MS);
    if (count > LINK_LIMIT) throw new LinkRateLimitedError(ttlMs);
    const ticket = await this.states.createLinkTicket(configured, userId, sessionId);
    const base = this.config.http.appUrl.replace(/\/+$/, '');
    const start = configured === 'oidc' ? '/api/v1/auth/oidc/start' : `/api/v1/auth/oauth/${configured}/start`;
    return `${base}${start}?link_token=${ticket}`;
  }

  async unlink(request: Request, userId: string, identityId: string): Promise<void> {
    const { result, provider } = await this.identities.deleteIfAllowed(userId, identityId, keepsASignInMethod);
    if (result === 'not_found') throw new IdentityNotFoundError();
    if (result === 'refused') throw new LastSignInMethodError();
    await this.audit.record(
      { type: 'user', id: userId },
      'auth.identity_unlinked',
      { type: 'auth_identity', id: identityId },
      requestContext(request),
      { provider: provider ?? null },
    );
  }

  private configuredProvider(provider: string): OAuthProvider {
    if (provider === 'oidc') {
      this.oidc.requireConfigured();
      return 'oidc';
    }
    if (provider === 'github' || provider === 'google') return this.passportProviders.require(provider);
    throw new ProviderNotConfiguredError(provider);
  }
}
