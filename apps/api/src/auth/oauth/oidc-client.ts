import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { createOutboundFetch, type OutboundFetch } from '../../outbound/fetch-adapter';
import { OutboundHttpClient } from '../../outbound/outbound-http-client';
import { OAuthFlowError, ProviderNotConfiguredError } from './oauth.errors';
import type { FlowState } from './oauth-state.service';
import { oidcVerifiedEmail, optionalString, type ProviderProfile } from './provider-profile';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });
type Configuration = import('openid-client', { with: { 'resolution-mode': 'import' } }).Configuration;

// openid-client is an ES module only: compiled, this stays a native import(); under Jest, swc turns it into a require
// of the package, which jest.config.js compiles to CommonJS.
let library: Promise<OpenIdClient> | undefined;
function openIdClient(): Promise<OpenIdClient> {
  library ??= import('openid-client');
  return library;
}

// Discovery is cached; re-reading it now and then picks up provider changes (endpoints, keys) without a restart.
const DISCOVERY_TTL_MS = 60 * 60_000;
const SCOPES = 'openid email profile';
// Discovery documents, key sets, token and userinfo responses are small; anything near this is not a provider.
const OIDC_MAX_RESPONSE_BYTES = 1024 * 1024;

/** Loopback issuers are test fixtures: only they may be reached over plain http. */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Generic OpenID Connect with openid-client: discovery, authorization code with PKCE (S256), state and nonce, and
 * the ID token validated by the library: issuer, audience, expiry, nonce and, because non-repudiation checks are
 * enabled, its signature against the issuer's published keys. Nothing here parses a JWT by hand.
 */
@Injectable()
export class OidcClient {
  private discovered: { at: number; configuration: Promise<Configuration> } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outbound: OutboundHttpClient,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.auth.oidc && this.config.secrets.oidcClientSecret);
  }

  requireConfigured(): void {
    if (!this.configured) throw new ProviderNotConfiguredError('oidc');
  }

  callbackUrl(): string {
    return `${this.config.http.appUrl.replace(/\/+$/, '')}/api/v1/auth/oidc/callback`;
  }

  /** The provider's authorization URL for a flow whose state, verifier and nonce the caller has stored. */
  async authorizationUrl(state: string, codeVerifier: string, nonce: string): Promise<string> {
    const client = await openIdClient();
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl(),
      scope: SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    }).href;
  }

  async randomSecrets(): Promise<{ codeVerifier: string; nonce: string }> {
    const client = await openIdClient();
    return { codeVerifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce() };
  }

  /** Redeems the code and returns the identity; any failed check is an OAuthFlowError naming the library's code. */
  async callback(request: Request, flow: FlowState, state: string): Promise<ProviderProfile> {
    const client = await openIdClient();
    const configuration = await this.configuration();
    // The URL the provider redirected to, rebuilt from APP_URL (never from the Host header) with the query as sent.
    const currentUrl = new URL(this.callbackUrl());
    const query = request.originalUrl.indexOf('?');
    if (query !== -1) currentUrl.search = request.originalUrl.slice(query);
    let tokens: Awaited<ReturnType<OpenIdClient['authorizationCodeGrant']>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        const code = error.error === 'access_denied' ? 'OAUTH_DENIED' : 'OAUTH_FAILED';
        throw new OAuthFlowError(code, `authorization_response:${error.error}`.slice(0, 120));
      }
      throw new OAuthFlowError('OAUTH_FAILED', libraryReason(error));
    }
    const claims = tokens.claims();
    if (!claims) throw new OAuthFlowError('OAUTH_FAILED', 'id_token_missing');
    let profileClaims: Record<string, unknown> = { ...claims };
    let email = oidcVerifiedEmail(profileClaims);
    // Providers that keep the ID token small put email and email_verified in userinfo only.
    if (!email) {
      try {
        profileClaims = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      } catch (error) {
        throw new OAuthFlowError('OAUTH_FAILED', `userinfo:${libraryReason(error)}`);
      }
      email = oidcVerifiedEmail(profileClaims);
    }
    return {
      provider: 'oidc',
      // Scoped to the issuer: `sub` is only unique per issuer, so a changed OIDC_ISSUER_URL can never match old rows.
      providerUserId: `${claims.iss}|${claims.sub}`,
      verifiedEmail: email,
      displayName: optionalString(profileClaims.name) ?? optionalString(claims.name),
      handleHint: optionalString(profileClaims.preferred_username) ?? optionalString(claims.preferred_username),
      avatarUrl: optionalString(profileClaims.picture) ?? null,
    };
  }

  private configuration(): Promise<Configuration> {
    const now = Date.now();
    if (this.discovered && now - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.configuration;
    const configuration = this.discover();
    this.discovered = { at: now, configuration };
    // A failed discovery is not cached: the next sign-in tries again.
    configuration.catch(() => {
      if (this.discovered?.configuration === configuration) this.discovered = undefined;
    });
    return configuration;
  }

  private async discover(): Promise<Configuration> {
    const client = await openIdClient();
    const settings = this.config.auth.oidc!;
    const secret = this.config.secrets.oidcClientSecret!;
    const issuer = new URL(settings.issuerUrl);
    const fetch = this.outboundFetch(issuer);
    try {
      // The configured URL has lost any trailing slash (the config strips it), while some issuers keep one
      // (Authentik, Auth0): read the document directly and compare issuers with that one slash forgiven.
      const discovered = await client.discovery(
        new URL(`${settings.issuerUrl}/.well-known/openid-configuration`),
        settings.clientId,
        undefined,
        undefined,
        {
          [client.customFetch]: fetch,
          ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      );
      const metadata = discovered.serverMetadata();
      if (metadata.issuer.replace(/\/+$/, '') !== settings.issuerUrl.replace(/\/+$/, '')) {
        throw new OAuthFlowError('OAUTH_FAILED', 'discovery:issuer_mismatch');
      }
      const methods = metadata.token_endpoint_auth_methods_supported;
      // client_secret_basic is the default every provider must support; fall back to _post for those that don't.
      const authentication =
        !methods || methods.includes('client_secret_basic')
          ? client.ClientSecretBasic(secret)
          : client.ClientSecretPost(secret);
      const configuration = new client.Configuration(metadata, settings.clientId, undefined, authentication);
      configuration[client.customFetch] = fetch;
      if (isLoopbackHttp(issuer)) client.allowInsecureRequests(configuration);
      // Verify ID token signatures against the issuer's JWKS (openid-client otherwise relies on TLS alone).
      client.enableNonRepudiationChecks(configuration);
      return configuration;
    } catch (error) {
      if (error instanceof OAuthFlowError) throw error;
      this.logger.warn({ reason: libraryReason(error) }, 'OpenID Connect discovery failed');
      throw new OAuthFlowError('OAUTH_FAILED', `discovery:${libraryReason(error)}`);
    }
  }

  /**
   * Discovery, keys, token and userinfo go through the SSRF-safe client. The issuer is the operator's deliberate
   * configuration, not a destination a remote party chose, so its origin (host:port) may be private (an intranet
   * Keycloak) for these calls only; every other host the metadata names is checked as usual.
   */
  private outboundFetch(issuer: URL): OutboundFetch {
    const port = issuer.port || (issuer.protocol === 'https:' ? '443' : '80');
    return createOutboundFetch(this.outbound, {
      maxBytes: OIDC_MAX_RESPONSE_BYTES,
      allowPrivate: [`${issuer.hostname}:${port}`],
      allowHttp: isLoopbackHttp(issuer),
      // Client authentication (client_secret_basic) and the bearer token at userinfo; dropped on cross-origin redirects.
      allowAuthorization: true,
    });
  }
}

/**
 * The library's stable error code (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED), the claim a comparison failed on, and
 * for the catch-all OAUTH_INVALID_RESPONSE the library's own (fixed, secret-free) message, such as "JWT signature
 * verification failed". openid-client wraps oauth4webapi's error, so the details sit one or two causes down.
 */
function libraryReason(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown_error';
  const code = (error as { code?: unknown }).code;
  type Caused = { cause?: Caused; claim?: unknown; message?: unknown };
  const cause = (error as Caused).cause;
  const claim = [cause?.claim, cause?.cause?.claim].find((value) => typeof value === 'string');
  const message =
    code === 'OAUTH_INVALID_RESPONSE' && typeof cause?.message === 'string' ? cause.message.slice(0, 60) : undefined;
  return [typeof code === 'string' ? code : error.name, claim, message].filter(Boolean).join(':').slice(0, 120);
}
