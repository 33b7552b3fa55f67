import type { AuthorRef, Visibility } from '../blueprints/api/blueprint-types';
import type { MyOrganization, OrganizationRole } from './api/owner-api';

// A mirror of the permission matrix (docs/organizations.md) for what the interface offers: the API decides, and a
// control shown by mistake gets a 403 with a stable code.

/** Roles that create and edit an organization's content (drafts, private or team). */
const AUTHOR_ROLES: readonly OrganizationRole[] = ['owner', 'admin', 'member'];
/** Roles that publish, share beyond the team, delete and transfer. */
const MANAGER_ROLES: readonly OrganizationRole[] = ['owner', 'admin'];

export const mayCreateIn = (role: OrganizationRole) => AUTHOR_ROLES.includes(role);
export const mayManageIn = (role: OrganizationRole) => MANAGER_ROLES.includes(role);

/**
 * Who new content belongs to: the signed-in person, or one of their organizations (its slug and their role there).
 * `undefined` organization means the person.
 */
export interface OwnerChoice {
  organization?: MyOrganization;
}

/** What this owner may be given: every visibility for oneself, `team` only for an organization. */
export interface OwnerAllowance {
  visibilities: Visibility[];
  /** Publishing and public/unlisted need Admin or Owner in an organization. */
  mayPublish: boolean;
  /** Why some choices are missing, in plain words, or undefined when nothing is held back. */
  restriction?: string;
}

const PERSONAL: Visibility[] = ['private', 'unlisted', 'public'];
const ORGANIZATION: Visibility[] = ['private', 'team', 'unlisted', 'public'];
const ORGANIZATION_DRAFTS: Visibility[] = ['private', 'team'];

export function allowanceFor(organization: MyOrganization | undefined): OwnerAllowance {
  if (!organization) return { visibilities: PERSONAL, mayPublish: true };
  if (mayManageIn(organization.role)) return { visibilities: ORGANIZATION, mayPublish: true };
  return {
    visibilities: ORGANIZATION_DRAFTS,
    mayPublish: false,
    restriction:
      `As a Member of ${organization.name} you write private or team drafts; an Admin or Owner of ` +
      `${organization.name} publishes them and makes them unlisted or public.`,
  };
}

/** The organization (with my role) that owns content, when I belong to it. */
export function organizationOf(
  author: Pick<AuthorRef, 'kind' | 'handle'>,
  organizations: readonly MyOrganization[] | undefined,
): MyOrganization | undefined {
  if (author.kind !== 'organization') return undefined;
  return organizations?.find((organization) => organization.slug === author.handle);
}

/** Where I may move content I own or administer: organizations I administer, other than the current owner. */
export function transferTargets(
  author: Pick<AuthorRef, 'kind' | 'handle'>,
  organizations: readonly MyOrganization[] | undefined,
): { toMe: boolean; organizations: MyOrganization[] } {
  const current = author.kind === 'organization' ? author.handle : undefined;
  return {
    toMe: author.kind === 'organization',
    organizations: (organizations ?? []).filter(
      (organization) => mayManageIn(organization.role) && organization.slug !== current,
    ),
  };
}

/**
 * Whether I may transfer this content: my own (the API says isOwner, the author is a user), or an organization's
 * where I am Admin or Owner; and there is somewhere to move it.
 */
export function mayTransfer(
  content: { isOwner: boolean; author: Pick<AuthorRef, 'kind' | 'handle'> },
  organizations: readonly MyOrganization[] | undefined,
): boolean {
  if (!content.isOwner) return false;
  if (content.author.kind === 'organization') {
    const mine = organizationOf(content.author, organizations);
    return mine !== undefined && mayManageIn(mine.role);
  }
  return transferTargets(content.author, organizations).organizations.length > 0;
}
