import type { Principal } from '../auth/principal';
import type { OrganizationRole } from './permissions';

/**
 * A principal with what `can` needs to know about it: the person (if any), their organization roles and whether they
 * administer the instance, read fresh from the database for each request (a demoted member loses access at once).
 */
export type Actor =
  | { readonly kind: 'anonymous'; readonly userId: null; readonly roles: ReadonlyMap<string, OrganizationRole> }
  | ({ readonly kind: 'session'; readonly userId: string } & PersonFacts)
  | ({ readonly kind: 'token'; readonly userId: string; readonly scopes: readonly string[] } & PersonFacts)
  | {
      readonly kind: 'organization-token';
      readonly userId: null;
      readonly organizationId: string;
      readonly scopes: readonly string[];
      readonly roles: ReadonlyMap<string, OrganizationRole>;
      readonly readsDrafts: boolean;
    };

interface PersonFacts {
  readonly roles: ReadonlyMap<string, OrganizationRole>;
  readonly instanceAdmin: boolean;
  /** Sessions and `development` tokens read drafts; `production` tokens read published versions only. */
  readonly readsDrafts: boolean;
}

const NO_ROLES: ReadonlyMap<string, OrganizationRole> = new Map();

export const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, roles: NO_ROLES };

/** The facts of a person, as the access service loads them. */
export interface PersonRecord {
  readonly instanceAdmin: boolean;
  readonly roles: ReadonlyMap<string, OrganizationRole>;
}

/**
 * Builds the actor for a principal. A session that still owes its second factor is anonymous here (the route policy
 * only lets it reach the second-factor routes anyway), and so is a principal whose user no longer exists.
 */
export function actorFor(principal: Principal | undefined, person: PersonRecord | null): Actor {
  if (!principal) return ANONYMOUS;
  if (principal.kind === 'organization-token') {
    return {
      kind: 'organization-token',
      userId: null,
      organizationId: principal.organizationId,
      scopes: principal.scopes,
      roles: NO_ROLES,
      readsDrafts: principal.environment === 'development',
    };
  }
  if (!person) return ANONYMOUS;
  if (principal.kind === 'session') {
    if (principal.state !== 'active') return ANONYMOUS;
    return { kind: 'session', userId: principal.userId, readsDrafts: true, ...person };
  }
  return {
    kind: 'token',
    userId: principal.userId,
    scopes: principal.scopes,
    readsDrafts: principal.environment === 'development',
    ...person,
  };
}

/** Sessions and `development` tokens read drafts when they read as an owner; `production` tokens do not. */
export function readsDrafts(actor: Actor): boolean {
  return actor.kind !== 'anonymous' && actor.readsDrafts;
}
