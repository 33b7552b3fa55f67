import type { OAuthProvider } from './oauth.errors';

/** Who the provider says signed in, reduced to what we use. Provider tokens are not kept. */
export interface ProviderProfile {
  readonly provider: OAuthProvider;
  /** Stable id at the provider (GitHub's numeric id, Google's `sub`, `<issuer>|<sub>` for generic OIDC). */
  readonly providerUserId: string;
  /** The address only when the provider vouches that it is verified; null otherwise. */
  readonly verifiedEmail: string | null;
  readonly displayName?: string;
  readonly handleHint?: string;
  readonly avatarUrl?: string | null;
}

/** GitHub's `GET /user/emails` entries, as passport-github2 returns them with `allRawEmails`. */
export interface GithubEmail {
  value?: string;
  primary?: boolean;
  verified?: boolean;
}

/** The primary address, and only if GitHub has verified it; unverified and secondary addresses never count. */
export function githubVerifiedEmail(emails: readonly GithubEmail[] | undefined): string | null {
  const primary = (emails ?? []).find((entry) => entry.primary === true);
  return primary?.verified === true && typeof primary.value === 'string' && primary.value.includes('@')
    ? primary.value
    : null;
}

/** Standard OpenID Connect claims (Google's userinfo, a generic provider's ID token or userinfo). */
export function oidcVerifiedEmail(claims: { email?: unknown; email_verified?: unknown }): string | null {
  // Strictly the boolean true: a missing claim, "true" as a string or anything else does not vouch for the address.
  return claims.email_verified === true && typeof claims.email === 'string' && claims.email.includes('@')
    ? claims.email
    : null;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}
