import type { Request } from 'express';

/**
 * Who is calling: a browser session (all scopes of its user), a personal API token (its scopes only, acting as its
 * user) or an organization token (its scopes only, acting as its organization and never as any person).
 */
export type Principal = UserPrincipal | OrganizationTokenPrincipal;

/** A person: their browser session or one of their personal tokens. */
export type UserPrincipal =
  | {
      readonly kind: 'session';
      readonly userId: string;
      readonly sessionId: string;
      readonly state: 'active' | 'pending_second_factor';
      readonly csrfToken: string;
      readonly authenticatedAt: Date;
      readonly secondFactorAt: Date | null;
    }
  | {
      readonly kind: 'token';
      readonly userId: string;
      readonly tokenId: string;
      readonly scopes: readonly string[];
      readonly environment: 'production' | 'development';
    };

/** An organization token: only routes marked @AllowOrganizationTokens() accept it. */
export interface OrganizationTokenPrincipal {
  readonly kind: 'organization-token';
  readonly organizationId: string;
  readonly tokenId: string;
  readonly scopes: readonly string[];
  readonly environment: 'production' | 'development';
}

/** The person behind a principal, if it is one (organization tokens and anonymous callers have none). */
export function userIdOf(principal: Principal | undefined): string | undefined {
  return principal && principal.kind !== 'organization-token' ? principal.userId : undefined;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

/** The request goes on as anonymous (a session that may not act yet on this route). */
export function forgetPrincipal(request: Request): void {
  principals.delete(request);
}

export function principalOf(request: Request): Principal | undefined {
  return principals.get(request);
}
