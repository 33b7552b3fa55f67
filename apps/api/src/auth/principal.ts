import type { Request } from 'express';

/** Who is calling: a browser session (all scopes of its user) or an API token (its scopes only). */
export type Principal =
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
