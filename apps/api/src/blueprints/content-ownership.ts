// Who owns content and who may act on it: the owner a new blueprint or hierarchy gets, the refusal for an action the
// permission function denies (404 or 403), and the organization audit trail of owned content. Blueprints,
// hierarchies, plugins and batch imports all go through here.
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Actor } from '../access/actor';
import { can, type ContentAction, type Ownership } from '../access/permissions';
import { AuditService, type AuditActor } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { AppError } from '../common/errors/app-error';
import type { BlueprintVisibility, Prisma } from '../generated/prisma/client';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import { OrganizationNotFoundError, OrganizationRoleRequiredError } from '../organizations/organizations.errors';
import { ownershipOf } from './blueprint-access';
import { WRITABLE_VISIBILITIES } from './blueprint-rules';
import { TeamVisibilityNeedsOrganizationError, VisibilityNotAvailableError } from './blueprints.errors';

/** Content as the permission function sees it. */
export type OwnedContent = Ownership & { visibility: string };

@Injectable()
export class ContentOwnership {
  constructor(
    private readonly access: AccessService,
    private readonly organizations: OrganizationLookupService,
    private readonly audit: AuditService,
  ) {}

  actorOf(principal: Principal | undefined): Promise<Actor> {
    return this.access.actorOf(principal);
  }

  /**
   * The owner new content gets, checked for `content.create`: the organization named by slug, else the caller (an
   * organization token: its own organization; naming another is "no such organization").
   */
  async newOwner(principal: Principal, organizationSlug: string | null | undefined): Promise<Ownership> {
    let owner: Ownership;
    if (principal.kind === 'organization-token') {
      if (organizationSlug) {
        const named = await this.organizations.asOwner(organizationSlug);
        if (named.organizationId !== principal.organizationId) throw new OrganizationNotFoundError();
      }
      owner = callerAsOwner(principal);
    } else if (organizationSlug) {
      owner = await this.organizations.asOwner(organizationSlug);
    } else {
      owner = callerAsOwner(principal);
    }
    await this.assertOnOwner(principal, 'content.create', owner);
    return owner;
  }

  /**
   * Where a transfer goes, checked for `content.transfer` there: an organization the caller administers, or the
   * caller's own account (`null`).
   */
  async destination(principal: Principal, organizationSlug: string | null): Promise<Ownership> {
    let to: Ownership;
    if (organizationSlug === null) {
      if (principal.kind === 'organization-token') throw new OrganizationRoleRequiredError('content.transfer');
      to = callerAsOwner(principal);
    } else {
      to = await this.organizations.asOwner(organizationSlug);
    }
    await this.assertOnOwner(principal, 'content.transfer', to);
    return to;
  }

  /** An action on an owner (creating, publishing at creation, receiving a transfer): 403 when refused. */
  async assertOnOwner(principal: Principal, action: ContentAction, owner: Ownership): Promise<void> {
    const actor = await this.access.actorOf(principal);
    if (!can(actor, action, { type: 'owner', ...owner })) {
      // An organization's existence is public (its profile); a user's account is not a place others write to.
      if (owner.organizationId === null) throw new OrganizationNotFoundError();
      throw new OrganizationRoleRequiredError(action);
    }
  }

  /**
   * An action on existing content. Refused: "not found" (`notFound`) for whoever cannot read it, so existence does not
   * leak; 403 ORGANIZATION_ROLE_REQUIRED for a member of the owning organization who reads it but lacks the role.
   */
  async assert(
    principal: Principal | undefined,
    action: ContentAction,
    content: OwnedContent,
    notFound: () => AppError,
  ): Promise<Actor> {
    const actor = await this.access.actorOf(principal);
    const resource = { type: 'content', ...ownershipOf(content), visibility: content.visibility } as const;
    if (can(actor, action, resource)) return actor;
    const insider =
      content.organizationId !== null &&
      can(actor, 'content.read', { ...resource, visibility: 'team' }) &&
      can(actor, 'content.read', resource);
    if (insider) throw new OrganizationRoleRequiredError(action);
    throw notFound();
  }

  /** A transfer goes in the log of each organization it leaves or reaches (a user's side keeps none). */
  async recordTransfer(principal: Principal, from: Ownership & { id: string }, to: Ownership, toSlug: string | null) {
    const action = from.id.startsWith('ha_') ? 'hierarchy.transferred' : 'blueprint.transferred';
    const metadata = { from: from.organizationId === null ? 'user' : 'organization', to: toSlug ?? 'user' };
    await this.recordForOrganization(principal, action, from, metadata);
    await this.recordForOrganization(principal, action, { id: from.id, ...to }, metadata);
  }

  /**
   * Appends an event about organization content to that organization's audit log (a user's own content: none);
   * inside `tx` when given, so it commits with the change.
   */
  async recordForOrganization(
    principal: Principal,
    action: string,
    content: Ownership & { id: string },
    metadata: Record<string, string | number | boolean | null> = {},
    tx?: Prisma.TransactionClient,
  ): Promise<void> {
    if (content.organizationId === null) return;
    const type = content.id.startsWith('ha_') ? 'hierarchy' : 'blueprint';
    await this.audit.record(
      auditActorOf(principal),
      action,
      { type, id: content.id },
      {},
      metadata,
      content.organizationId,
      tx,
    );
  }
}

/** The caller as an owner: the person, or an organization token's organization. */
export function callerAsOwner(principal: Principal): Ownership {
  return principal.kind === 'organization-token'
    ? { ownerId: null, organizationId: principal.organizationId }
    : { ownerId: principal.userId, organizationId: null };
}

export function auditActorOf(principal: Principal): AuditActor {
  return principal.kind === 'organization-token'
    ? { type: 'organization-token', id: principal.tokenId }
    : { type: 'user', id: principal.userId };
}

/** A visibility the API accepts for this owner: `team` belongs to organizations only. */
export function checkVisibility(visibility: string, owner: Ownership): BlueprintVisibility {
  if (!(WRITABLE_VISIBILITIES as readonly string[]).includes(visibility)) {
    throw new VisibilityNotAvailableError(visibility);
  }
  if (visibility === 'team' && owner.organizationId === null) throw new TeamVisibilityNeedsOrganizationError();
  return visibility as BlueprintVisibility;
}
