import { AppError } from '../../common/errors/app-error';

export const OAUTH_PROVIDERS = ['github', 'google', 'oidc'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

/**
 * Why a browser sign-in or link through a provider ended, as the web app reads it from `/sign-in?error=<CODE>`.
 * Stable: the web app switches on these.
 */
export type OAuthFailureCode =
  | 'OAUTH_STATE_INVALID'
  | 'OAUTH_EMAIL_UNVERIFIED'
  | 'OAUTH_FAILED'
  | 'OAUTH_DENIED'
  | 'OAUTH_LINK_INVALID'
  | 'ACCOUNT_EXISTS_LINK_REQUIRED'
  | 'REGISTRATION_CLOSED'
  | 'IDENTITY_ALREADY_LINKED'
  | 'RATE_LIMITED';

export class ProviderNotConfiguredError extends AppError {
  constructor(provider: string) {
    super('PROVIDER_NOT_CONFIGURED', 'This sign-in provider is not configured on this instance', 404, {
      provider: provider.slice(0, 40),
    });
  }
}

/**
 * A provider flow that cannot go on. The browser is sent to `/sign-in?error=<code>`; `detail` (a short, secret-free
 * reason such as the OpenID library's error code) goes only to the audit trail and the log.
 */
export class OAuthFlowError extends AppError {
  constructor(
    code: OAuthFailureCode,
    readonly detail: string,
    /** The account the attempt was aimed at, when known, for that user's security log. */
    readonly targetUserId?: string,
  ) {
    super(code, `Provider sign-in failed: ${code}`, 400);
    this.name = 'OAuthFlowError';
  }

  get failureCode(): OAuthFailureCode {
    return this.code as OAuthFailureCode;
  }
}

export class IdentityNotFoundError extends AppError {
  constructor() {
    super('IDENTITY_NOT_FOUND', 'No such linked sign-in of yours', 404);
  }
}

export class LastSignInMethodError extends AppError {
  constructor() {
    super(
      'LAST_SIGN_IN_METHOD',
      'This is your last way to sign in: add another (a passkey or another provider) before removing it',
      409,
    );
  }
}

export class LinkRateLimitedError extends AppError {
  constructor(retryAfterMs: number) {
    super('RATE_LIMITED', 'Too many link attempts; try again later', 429, {
      retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    });
  }
}
