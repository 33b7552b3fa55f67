/*
 * The permission matrix of docs/organizations.md, re-stated as data for the tenant-isolation suite. It deliberately
 * does not import the app's `can()` or ROLE_MATRIX: the suite checks the code against the spec, so the spec is written
 * out here a second time, from the document. Change it only together with docs/organizations.md.
 */

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ['private', 'team', 'unlisted', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export type ContentAction =
  | 'content.read'
  | 'content.read-drafts'
  | 'content.create'
  | 'content.edit'
  | 'content.publish'
  | 'content.delete'
  | 'content.transfer';

export type Scope = 'blueprints:read' | 'blueprints:write';

/** "Content (blueprints and hierarchies)": which organization roles may take each action. */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly ContentAction[]>> = {
  owner: [
    'content.read',
    'content.read-drafts',
    'content.create',
    'content.edit',
    'content.publish',
    'content.delete',
    'content.transfer',
  ],
  admin: [
    'content.read',
    'content.read-drafts',
    'content.create',
    'content.edit',
    'content.publish',
    'content.delete',
    'content.transfer',
  ],
  member: ['content.read', 'content.read-drafts', 'content.create', 'content.edit'],
  viewer: ['content.read'],
};

/** The token columns of the same table: the scope a token needs; `null`: never open to tokens (transfers). */
export const ACTION_SCOPE: Readonly<Record<ContentAction, Scope | null>> = {
  'content.read': 'blueprints:read',
  'content.read-drafts': 'blueprints:read',
  'content.create': 'blueprints:write',
  'content.edit': 'blueprints:write',
  'content.publish': 'blueprints:write',
  'content.delete': 'blueprints:write',
  'content.transfer': null,
};

/** "The organization" table: actions on an organization (for the organization routes as they land). */
export type OrganizationAction =
  | 'organization.view'
  | 'organization.update'
  | 'organization.delete'
  | 'organization.invitations'
  | 'organization.tokens'
  | 'organization.audit'
  | 'organization.billing'
  | 'member.invite'
  | 'member.change-role'
  | 'member.remove';

export const ORGANIZATION_ROLE_ACTIONS: Readonly<Record<Role, readonly OrganizationAction[]>> = {
  owner: [
    'organization.view',
    'organization.update',
    'organization.delete',
    'organization.invitations',
    'organization.tokens',
    'organization.audit',
    'organization.billing',
    'member.invite',
    'member.change-role',
    'member.remove',
  ],
  admin: [
    'organization.view',
    'organization.update',
    'organization.invitations',
    'organization.tokens',
    'organization.audit',
    'organization.billing',
    'member.invite',
    'member.change-role',
    'member.remove',
  ],
  member: ['organization.view'],
  viewer: ['organization.view'],
};

export type OrgKey = 'A' | 'B';

/** Who the suite runs as. Personal tokens belong to the Member of A; organization tokens to A. */
export type PrincipalName =
  | 'anonymous'
  | 'instance-admin'
  | 'outsider'
  | 'viewer'
  | 'member'
  | 'admin'
  | 'owner'
  | 'org-token:read'
  | 'org-token:write'
  | 'org-token:read+write'
  | 'member-token:read'
  | 'member-token:write'
  | 'member-token:read+write';

/**
 * The people of the fixture and their roles: A has one of each role; B has its own Owner. The instance's
 * administrator belongs to no organization: administering the instance gives no right on any organization's content.
 */
export type UserKey = 'instanceAdmin' | 'outsider' | 'viewer' | 'member' | 'admin' | 'owner' | 'ownerB';

export const MEMBERSHIPS: Readonly<Record<UserKey, Partial<Record<OrgKey, Role>>>> = {
  instanceAdmin: {},
  outsider: {},
  viewer: { A: 'viewer' },
  member: { A: 'member' },
  admin: { A: 'admin' },
  owner: { A: 'owner' },
  ownerB: { B: 'owner' },
};

export type PrincipalSpec =
  | { readonly name: PrincipalName; readonly kind: 'anonymous' }
  | { readonly name: PrincipalName; readonly kind: 'session'; readonly user: UserKey }
  | { readonly name: PrincipalName; readonly kind: 'personal-token'; readonly user: UserKey; readonly scopes: Scope[] }
  | {
      readonly name: PrincipalName;
      readonly kind: 'organization-token';
      readonly org: OrgKey;
      readonly scopes: Scope[];
    };

export const PRINCIPALS: readonly PrincipalSpec[] = [
  { name: 'anonymous', kind: 'anonymous' },
  { name: 'outsider', kind: 'session', user: 'outsider' },
  { name: 'instance-admin', kind: 'session', user: 'instanceAdmin' },
  { name: 'viewer', kind: 'session', user: 'viewer' },
  { name: 'member', kind: 'session', user: 'member' },
  { name: 'admin', kind: 'session', user: 'admin' },
  { name: 'owner', kind: 'session', user: 'owner' },
  { name: 'org-token:read', kind: 'organization-token', org: 'A', scopes: ['blueprints:read'] },
  { name: 'org-token:write', kind: 'organization-token', org: 'A', scopes: ['blueprints:write'] },
  {
    name: 'org-token:read+write',
    kind: 'organization-token',
    org: 'A',
    scopes: ['blueprints:read', 'blueprints:write'],
  },
  { name: 'member-token:read', kind: 'personal-token', user: 'member', scopes: ['blueprints:read'] },
  { name: 'member-token:write', kind: 'personal-token', user: 'member', scopes: ['blueprints:write'] },
  {
    name: 'member-token:read+write',
    kind: 'personal-token',
    user: 'member',
    scopes: ['blueprints:read', 'blueprints:write'],
  },
];

/** A seeded piece of content, as the spec sees it: who owns it and how visible it is. */
export interface ContentSubject {
  readonly owner: { readonly org: OrgKey } | { readonly user: UserKey };
  readonly visibility: Visibility;
}

export function isToken(principal: PrincipalSpec): boolean {
  return principal.kind === 'personal-token' || principal.kind === 'organization-token';
}

export function hasScope(principal: PrincipalSpec, scope: Scope): boolean {
  return isToken(principal) && (principal as { scopes: Scope[] }).scopes.includes(scope);
}

export function roleIn(principal: PrincipalSpec, org: OrgKey): Role | undefined {
  if (principal.kind !== 'session' && principal.kind !== 'personal-token') return undefined;
  return MEMBERSHIPS[principal.user][org];
}

/** The person behind a principal, if any (organization tokens act as the organization, never as a person). */
export function personOf(principal: PrincipalSpec): UserKey | undefined {
  return principal.kind === 'session' || principal.kind === 'personal-token' ? principal.user : undefined;
}

/**
 * The spec's answer to "may this principal take this action on this content". `public` and `unlisted` content is
 * readable by everyone with no scope; reading anything else is reading as an owner (`read-drafts`), except `team`
 * content's published version, which every role reads. A user's own content is theirs alone.
 */
export function allows(principal: PrincipalSpec, action: ContentAction, subject: ContentSubject): boolean {
  const shared = subject.visibility === 'public' || subject.visibility === 'unlisted';
  if (action === 'content.read' && shared) return true;
  if (principal.kind === 'anonymous') return false;
  const effective: ContentAction =
    action === 'content.read' && subject.visibility !== 'team' ? 'content.read-drafts' : action;
  if (isToken(principal)) {
    const scope = ACTION_SCOPE[effective];
    if (scope === null || !hasScope(principal, scope)) return false;
  }
  if ('user' in subject.owner) {
    return personOf(principal) === subject.owner.user && subject.visibility !== 'team';
  }
  if (principal.kind === 'organization-token') return principal.org === subject.owner.org;
  const role = roleIn(principal, subject.owner.org);
  return role !== undefined && ROLE_ACTIONS[role].includes(effective);
}

/** May create content in this owner's name (a user's own name, or an organization's). */
export function mayCreateAs(principal: PrincipalSpec, owner: ContentSubject['owner']): boolean {
  if (principal.kind === 'anonymous') return false;
  if (isToken(principal) && !hasScope(principal, 'blueprints:write')) return false;
  if ('user' in owner) return personOf(principal) === owner.user;
  if (principal.kind === 'organization-token') return principal.org === owner.org;
  const role = roleIn(principal, owner.org);
  return role !== undefined && ROLE_ACTIONS[role].includes('content.create');
}

/** Where content created by this principal without naming an owner lands: themselves, or the token's organization. */
export function defaultOwnerOf(principal: PrincipalSpec): ContentSubject['owner'] | undefined {
  if (principal.kind === 'organization-token') return { org: principal.org };
  const person = personOf(principal);
  return person ? { user: person } : undefined;
}

/** Whether the principal may see what a piece of content holds: the published version, or every version. */
export function seesContent(principal: PrincipalSpec, subject: ContentSubject, drafts: boolean): boolean {
  // A write answers with the blueprint as it now stands, so whoever may edit also sees the drafts.
  if (allows(principal, 'content.edit', subject)) return true;
  return allows(principal, drafts ? 'content.read-drafts' : 'content.read', subject);
}

/** `instance.administer`: an instance administrator's browser session. */
export function administersInstance(principal: PrincipalSpec): boolean {
  return principal.kind === 'session' && principal.user === 'instanceAdmin';
}

/** Organization-level actions: browser sessions of members with the role only (tokens never manage). */
export function allowsOnOrganization(principal: PrincipalSpec, action: OrganizationAction, org: OrgKey): boolean {
  if (principal.kind !== 'session') return false;
  const role = roleIn(principal, org);
  return role !== undefined && ORGANIZATION_ROLE_ACTIONS[role].includes(action);
}
