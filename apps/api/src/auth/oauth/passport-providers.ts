import { randomBytes } from 'node:crypto';
import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import passport from 'passport';
import { Strategy as GitHubStrategy, type Profile as GitHubProfile } from 'passport-github2';
import { Strategy as GoogleStrategy, type Profile as GoogleProfile } from 'passport-google-oauth20';
import type { StateStore } from 'passport-oauth2';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OAuthFlowError, ProviderNotConfiguredError } from './oauth.errors';
import { OAuthStateService, type FlowStart, type FlowState } from './oauth-state.service';
import {
  githubVerifiedEmail,
  oidcVerifiedEmail,
  optionalString,
  type GithubEmail,
  type ProviderProfile,
} from './provider-profile';

export type PassportProvider = 'github' | 'google';

/** What a passport round trip produced: the provider's profile and our stored flow, or why it failed. */
export type PassportOutcome = { ok: true; profile: ProviderProfile; flow: FlowState } | { ok: false; error: unknown };

// Per request, what the guards hand to passport and what they pass on to the route handler.
const startOptions = new WeakMap<Request, FlowStart>();
const outcomes = new WeakMap<Request, PassportOutcome>();

export function recordOutcome(request: Request, outcome: PassportOutcome): void {
  outcomes.set(request, outcome);
}

/** What the guard of this request produced; a handler reached without one is a wiring fault, reported as such. */
export function outcomeOf(request: Request): PassportOutcome {
  return outcomes.get(request) ?? { ok: false, error: new OAuthFlowError('OAUTH_FAILED', 'no_outcome') };
}

/**
 * Passport's state store interface, on our key-value store instead of express-session (which we do not run). With
 * `pkce: true`, passport-oauth2 calls the five-argument `store` with the code verifier it generated and the four-
 * argument `verify`, whose `ok` must be that verifier: passport then sends it with the token request.
 */
class KeyValueStateStore {
  constructor(
    private readonly provider: PassportProvider,
    private readonly states: OAuthStateService,
  ) {}

  store(
    request: Request,
    verifier: string,
    start: FlowStart | undefined,
    _meta: unknown,
    callback: (error: Error | null, state?: string) => void,
  ): void {
    const flow = { returnTo: start?.returnTo ?? '/', intent: start?.intent ?? { kind: 'sign_in' as const } };
    this.states
      .mint(request, request.res!, { provider: this.provider, ...flow, codeVerifier: verifier })
      .then((state) => callback(null, state), callback);
  }

  verify(
    request: Request,
    presented: unknown,
    _meta: unknown,
    callback: (error: Error | null, ok: string | false, info?: unknown) => void,
  ): void {
    this.states.consume(request, this.provider, presented).then(
      (flow) => callback(null, flow.codeVerifier ?? false, flow),
      (error: unknown) =>
        error instanceof OAuthFlowError ? callback(null, false, error) : callback(error as Error, false),
    );
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown_error';
  const code = (error as { code?: unknown }).code;
  const status = (error as { oauthError?: { statusCode?: unknown } }).oauthError?.statusCode;
  return [error.name, typeof code === 'string' ? code : undefined, typeof status === 'number' ? status : undefined]
    .filter(Boolean)
    .join(':')
    .slice(0, 120);
}

/** Maps passport's (error, user, info) to an outcome; never throws, so every failure can become a redirect. */
function toOutcome(error: unknown, user: unknown, info: unknown): PassportOutcome {
  if (error instanceof OAuthFlowError) return { ok: false, error };
  if (error) return { ok: false, error: new OAuthFlowError('OAUTH_FAILED', describe(error)) };
  if (!user) {
    if (info instanceof OAuthFlowError) return { ok: false, error: info };
    // passport-oauth2 reports the provider's `error=access_denied` as a plain failure.
    return { ok: false, error: new OAuthFlowError('OAUTH_DENIED', 'access_denied') };
  }
  const flow = (info as { state?: FlowState } | undefined)?.state;
  if (!flow) return { ok: false, error: new OAuthFlowError('OAUTH_STATE_INVALID', 'state_not_returned') };
  return { ok: true, profile: user as ProviderProfile, flow };
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * GitHub and Google through @nestjs/passport: one passport strategy per configured provider (passport-github2 and
 * passport-google-oauth20, with PKCE S256 and our state store), driven by an AuthGuard subclass per strategy.
 *
 * Strategy names carry a random suffix: passport's registry is process-wide, and several app instances (tests) must
 * not replace each other's strategies.
 */
@Injectable()
export class PassportProviders implements OnModuleInit, OnModuleDestroy {
  private readonly guards = new Map<PassportProvider, CanActivate>();
  private readonly strategyNames: string[] = [];
  private readonly instance = randomBytes(4).toString('hex');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly states: OAuthStateService,
  ) {}

  onModuleInit(): void {
    const { github, google } = this.config.auth;
    const { secrets } = this.config;
    if (github && secrets.githubClientSecret) {
      const web = withoutTrailingSlash(github.webUrl);
      const api = withoutTrailingSlash(github.apiUrl);
      const name = this.strategyName('github');
      class GithubPassportStrategy extends PassportStrategy(GitHubStrategy, name) {
        validate(_accessToken: string, _refreshToken: string, profile: GitHubProfile): ProviderProfile {
          const photo = profile.photos?.[0]?.value;
          return {
            provider: 'github',
            providerUserId: String(profile.id),
            verifiedEmail: githubVerifiedEmail(profile.emails as GithubEmail[] | undefined),
            displayName: optionalString(profile.displayName) ?? optionalString(profile.username),
            handleHint: optionalString(profile.username),
            avatarUrl: optionalString(photo) ?? null,
          };
        }
      }
      new GithubPassportStrategy({
        clientID: github.clientId,
        clientSecret: secrets.githubClientSecret,
        callbackURL: this.callbackUrl('github'),
        authorizationURL: `${web}/login/oauth/authorize`,
        tokenURL: `${web}/login/oauth/access_token`,
        userProfileURL: `${api}/user`,
        userEmailURL: `${api}/user/emails`,
        // user:email lets us read /user/emails with each address's verified flag; no repository access is asked.
        scope: ['read:user', 'user:email'],
        allRawEmails: true,
        pkce: true,
        store: new KeyValueStateStore('github', this.states) as unknown as StateStore,
        userAgent: 'LynxPrompt',
      });
      this.guards.set('github', this.guardFor(name));
    }
    if (google && secrets.googleClientSecret) {
      const name = this.strategyName('google');
      class GooglePassportStrategy extends PassportStrategy(GoogleStrategy, name) {
        validate(_accessToken: string, _refreshToken: string, profile: GoogleProfile): ProviderProfile {
          const claims = (profile._json ?? {}) as Record<string, unknown>;
          return {
            provider: 'google',
            providerUserId: String(profile.id),
            verifiedEmail: oidcVerifiedEmail(claims),
            displayName: optionalString(claims.name),
            handleHint: undefined,
            avatarUrl: optionalString(claims.picture) ?? null,
          };
        }
      }
      const strategy = new GooglePassportStrategy({
        clientID: google.clientId,
        clientSecret: secrets.googleClientSecret,
        callbackURL: this.callbackUrl('google'),
        authorizationURL: google.authorizationUrl,
        tokenURL: google.tokenUrl,
        userProfileURL: google.userinfoUrl,
        scope: ['openid', 'email', 'profile'],
        pkce: true,
        store: new KeyValueStateStore('google', this.states) as unknown as StateStore,
      });
      // The access token goes in the Authorization header, not (the strategy's default) the userinfo URL's query.
      strategy['_oauth2'].useAuthorizationHeaderforGET(true);
      this.guards.set('google', this.guardFor(name));
    }
  }

  onModuleDestroy(): void {
    for (const name of this.strategyNames) passport.unuse(name);
  }

  /** The provider named in a route, or 404 PROVIDER_NOT_CONFIGURED (unknown names included). */
  require(provider: unknown): PassportProvider {
    const name = typeof provider === 'string' ? provider : '';
    if ((name === 'github' || name === 'google') && this.guards.has(name)) return name;
    throw new ProviderNotConfiguredError(name);
  }

  /**
   * Sends the browser to the provider. Passport writes the 302 itself and this promise then never settles, as with
   * every @nestjs/passport login route; it settles only with a failure (the state could not be stored).
   */
  async redirectToProvider(provider: PassportProvider, context: ExecutionContext, start: FlowStart) {
    const request = context.switchToHttp().getRequest<Request>();
    startOptions.set(request, start);
    return this.run(provider, context);
  }

  /** The callback leg: verifies our state, redeems the code (with the PKCE verifier) and loads the profile. */
  async handleCallback(provider: PassportProvider, context: ExecutionContext): Promise<PassportOutcome> {
    return this.run(provider, context);
  }

  callbackUrl(provider: PassportProvider): string {
    return `${withoutTrailingSlash(this.config.http.appUrl)}/api/v1/auth/oauth/${provider}/callback`;
  }

  private async run(provider: PassportProvider, context: ExecutionContext): Promise<PassportOutcome> {
    const request = context.switchToHttp().getRequest<Request>();
    try {
      await this.guards.get(provider)!.canActivate(context);
    } catch (error) {
      return toOutcome(error, undefined, undefined);
    }
    return outcomeOf(request);
  }

  private strategyName(provider: PassportProvider): string {
    const name = `lynxprompt-${provider}-${this.instance}`;
    this.strategyNames.push(name);
    return name;
  }

  private guardFor(strategyName: string): CanActivate {
    class ProviderAuthGuard extends AuthGuard(strategyName) {
      override getAuthenticateOptions(context: ExecutionContext) {
        // An object (not a string) `state` tells passport-oauth2 to hand it to our store, which mints the value.
        const start = startOptions.get(context.switchToHttp().getRequest<Request>());
        return { session: false, ...(start ? { state: start } : {}) };
      }

      override handleRequest<T>(error: unknown, user: unknown, info: unknown, context: ExecutionContext): T {
        const outcome = toOutcome(error, user, info);
        outcomes.set(context.switchToHttp().getRequest<Request>(), outcome);
        return outcome as T;
      }
    }
    return new ProviderAuthGuard();
  }
}
