// The one permission function. Every route that touches owned content, an organization or the admin area asks
// `can(actor, action, resource)`; docs/organizations.md holds the same matrix in prose and a test keeps them equal.
import type { Actor } from './actor';

export const ORGANIZATION_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Blueprints and hierarchies: owned by a user or an organization, with a visibility. */
export const CONTENT_ACTIONS = [
  /** Read what the visibility shares: the published version (see readAccess for versions). */
  'content.read',
  /** Read as an owner: drafts, private content, versions the secret policy withholds from others. */
  'content.read-drafts',
  /** Create in this owner's name (the resource is the owner). */
  'content.create',
  /** New versions, metadata, restore, strip. */
  'content.edit',
  /** Publish, unpublish and change visibility. */
  'content.publish',
  'content.delete',
  /** Give away (on the source) or receive (on the destination owner). */
  'content.transfer',
] as const;

export const ORGANIZATION_ACTIONS = [
  /** The organization's own pages: details, members, pending invitations are not included. */
  'organization.view',
  'organization.update',
  'organization.delete',
  'organization.invitations',
  'organization.tokens',
  'organization.audit',
  /** The plan, usage, Checkout, the Customer Portal and seats (docs/billing.md). */
  'organization.billing',
] as const;

/** Actions on one membership (or on an invitation to become one): the resource names its role. */
export const MEMBER_ACTIONS = ['member.invite', 'member.change-role', 'member.remove'] as const;

export type ContentAction = (typeof CONTENT_ACTIONS)[number];
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];
export type MemberAction = (typeof MEMBER_ACTIONS)[number];
export type Action = ContentAction | OrganizationAction | MemberAction | 'instance.administer';

/** Who owns a piece of content: exactly one of the two is set (the database checks it too). */
export interface Ownership {
  readonly ownerId: string | null;
  readonly organizationId: string | null;
}

export type Resource =
  | ({ readonly type: 'content'; readonly visibility: string } & Ownership)
  /** An owner, for creating or receiving content: no visibility yet. */
  | ({ readonly type: 'owner' } & Ownership)
  | { readonly type: 'organization'; readonly organizationId: string }
  | {
      readonly type: 'member';
      readonly organizationId: string;
      /** The member acted on (undefined for an invitation not yet accepted). */
      readonly userId?: string;
      /** Their role now (or the invited role). */
      readonly role: OrganizationRole;
      /** For a role change: the role they would get. */
      readonly newRole?: OrganizationRole;
    }
  | { readonly type: 'instance' };

/**
 * Which organization roles may take each action on the organization or on what it owns. This table is the matrix in
 * docs/organizations.md; owner-level member actions (anything touching an Owner) are in `canOnMember`.
 */
export const ROLE_MATRIX: Readonly<
  Record<ContentAction | OrganizationAction | MemberAction, readonly OrganizationRole[]>
> = {
  'content.read': ['owner', 'admin', 'member', 'viewer'],
  'content.read-drafts': ['owner', 'admin', 'member'],
  'content.create': ['owner', 'admin', 'member'],
  'content.edit': ['owner', 'admin', 'member'],
  'content.publish': ['owner', 'admin'],
  'content.delete': ['owner', 'admin'],
  'content.transfer': ['owner', 'admin'],
  'organization.view': ['owner', 'admin', 'member', 'viewer'],
  'organization.update': ['owner', 'admin'],
  'organization.delete': ['owner'],
  'organization.invitations': ['owner', 'admin'],
  'organization.tokens': ['owner', 'admin'],
  'organization.audit': ['owner', 'admin'],
  'organization.billing': ['owner', 'admin'],
  'member.invite': ['owner', 'admin'],
  'member.change-role': ['owner', 'admin'],
  'member.remove': ['owner', 'admin'],
};

/**
 * The scope an API token (personal or organization) needs for a content action. Actions not listed here are never
 * open to tokens: transfers, organization management and the admin area need a browser session.
 */
export const TOKEN_SCOPES: Readonly<Partial<Record<Action, string>>> = {
  'content.read': 'blueprints:read',
  'content.read-drafts': 'blueprints:read',
  'content.create': 'blueprints:write',
  'content.edit': 'blueprints:write',
  'content.publish': 'blueprints:write',
  'content.delete': 'blueprints:write',
};

/** The instance itself, for `instance.administer`. */
export const INSTANCE: Resource = { type: 'instance' };

/** Visibilities whose published version anyone may read (by id; only `public` is also listed). */
export function sharedWithEveryone(visibility: string): boolean {
  return visibility === 'public' || visibility === 'unlisted';
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case 'instance':
      return action === 'instance.administer' && actor.kind === 'session' && actor.instanceAdmin;
    case 'content':
    case 'owner':
      return canOnContent(actor, action, resource);
    case 'organization':
      return (
        (ORGANIZATION_ACTIONS as readonly string[]).includes(action) &&
        actor.kind === 'session' &&
        roleAllows(actor.roles.get(resource.organizationId), action as OrganizationAction)
      );
    case 'member':
      return canOnMember(actor, action, resource);
  }
}

function canOnContent(actor: Actor, action: Action, resource: Resource & { type: 'content' | 'owner' }): boolean {
  if (!(CONTENT_ACTIONS as readonly string[]).includes(action)) return false;
  const visibility = resource.type === 'content' ? resource.visibility : null;
  // What is shared with everyone needs no identity and no scope.
  if (action === 'content.read' && visibility !== null && sharedWithEveryone(visibility)) return true;
  // Reading private content is reading as an owner, whoever owns it.
  const effective: Action = action === 'content.read' && visibility !== 'team' ? 'content.read-drafts' : action;
  if (!tokenMay(actor, effective)) return false;
  if (resource.organizationId === null) {
    // A user's own content: only they act on it (team visibility does not exist outside organizations).
    return actor.userId !== null && actor.userId === resource.ownerId && visibility !== 'team';
  }
  if (actor.kind === 'organization-token') {
    return actor.organizationId === resource.organizationId && effective !== 'content.transfer';
  }
  return roleAllows(actor.roles.get(resource.organizationId), effective as ContentAction);
}

function canOnMember(actor: Actor, action: Action, member: Resource & { type: 'member' }): boolean {
  if (!(MEMBER_ACTIONS as readonly string[]).includes(action) || actor.kind !== 'session') return false;
  const role = actor.roles.get(member.organizationId);
  if (role === undefined) return false;
  // Anyone may leave (the database keeps the last Owner from leaving).
  if (action === 'member.remove' && member.userId !== undefined && member.userId === actor.userId) return true;
  // Making, unmaking or removing an Owner is for Owners only.
  const touchesOwner = member.role === 'owner' || member.newRole === 'owner';
  if (touchesOwner) return role === 'owner';
  return roleAllows(role, action as MemberAction);
}

function roleAllows(
  role: OrganizationRole | undefined,
  action: ContentAction | OrganizationAction | MemberAction,
): boolean {
  return role !== undefined && ROLE_MATRIX[action].includes(role);
}

/** A session acts with all its user's rights; a token only within its scopes and never outside TOKEN_SCOPES. */
function tokenMay(actor: Actor, action: Action): boolean {
  if (actor.kind === 'session') return true;
  if (actor.kind === 'anonymous') return false;
  const scope = TOKEN_SCOPES[action];
  return scope !== undefined && actor.scopes.includes(scope);
}
