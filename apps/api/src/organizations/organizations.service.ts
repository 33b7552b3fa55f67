import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessService } from '../access/access.service';
import { INSTANCE, type MemberAction, type OrganizationRole } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { requestContext, SessionService } from '../auth/sessions/session.service';
import { SignInService } from '../auth/sign-in.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Organization } from '../generated/prisma/client';
import { CacheInvalidationBus } from '../http-cache/cache-invalidation-bus';
import { authorTag, FEDERATION_CATALOGUE_TAG } from '../http-cache/cache-tags';
import { EntitlementService } from '../billing/entitlements.service';
import { isConstraintViolation, isUniqueViolation } from './database-errors';
import type { MemberView, OrganizationView } from './dto/organizations.dto';
import { OrganizationLookupService } from './organization-lookup.service';
import {
  HandleTakenError,
  LastOwnerError,
  MemberNotFoundError,
  OrganizationCreationDisabledError,
  OrganizationNotFoundError,
  OrganizationRoleRequiredError,
  OrganizationSlugInvalidError,
} from './organizations.errors';
import { OrganizationsRepository, type OrganizationDetails } from './organizations.repository';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

// The same rule as user handles (users.service.ts): the two share one namespace, `/@name`.
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The trigger keeping one namespace, and the deferred trigger keeping an Owner (both in the migration). */
const NAME_CLASH = ['account_names_slug_key', 'organizations_slug_key', 'is taken by a user'];
const LAST_OWNER = ['organization_members_last_owner', 'must keep at least one owner'];

type MemberRow = Awaited<ReturnType<OrganizationsRepository['members']>>[number];

/** Organizations and their members. Every decision goes through `can` (AccessService). */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly repository: OrganizationsRepository,
    private readonly lookup: OrganizationLookupService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly signIn: SignInService,
    private readonly responseCache: CacheInvalidationBus,
    private readonly entitlements: EntitlementService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    request: Request,
    principal: SessionPrincipal,
    input: { slug: string } & OrganizationDetails,
  ): Promise<OrganizationView> {
    const policy = this.config.auth.organizationCreation;
    if (policy === 'nobody') throw new OrganizationCreationDisabledError(policy);
    if (policy === 'admins' && !(await this.access.can(principal, 'instance.administer', INSTANCE))) {
      throw new OrganizationCreationDisabledError(policy);
    }
    const slug = validSlug(input.slug);
    let organization: Organization;
    try {
      // The creator becomes its Owner: one more organization owned, as the creator's plan counts them.
      organization = await this.repository.create(
        slug,
        { ...details(input), name: input.name.trim() },
        principal.userId,
        {
          beforeWrite: (tx) =>
            this.entitlements.check({ kind: 'user', id: principal.userId }, 'organizations', 1, { tx }),
          record: (tx, created) =>
            this.audit.record(
              { type: 'user', id: principal.userId },
              'organization.created',
              { type: 'organization', id: created.id },
              requestContext(request),
              { slug },
              created.id,
              tx,
            ),
        },
      );
    } catch (error) {
      throw nameClash(error, slug);
    }
    return toView(organization, 'owner', 1);
  }

  async listMine(principal: SessionPrincipal): Promise<OrganizationView[]> {
    const rows = await this.repository.forUser(principal.userId);
    return rows.map((row) => toView(row.organization, row.role, row.organization._count.members));
  }

  async get(slug: string, principal: SessionPrincipal): Promise<OrganizationView> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.view');
    return this.viewFor(organization, principal);
  }

  async update(
    request: Request,
    slug: string,
    principal: SessionPrincipal,
    changes: Partial<OrganizationDetails> & { slug?: string },
  ): Promise<OrganizationView> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.update');
    const next = {
      ...(changes.slug === undefined ? {} : { slug: validSlug(changes.slug) }),
      ...details(changes),
    };
    let updated: Organization;
    try {
      updated = await this.repository.update(organization.id, next);
    } catch (error) {
      throw nameClash(error, next.slug ?? organization.slug);
    }
    const fields = (['slug', 'name', 'description', 'avatarUrl', 'websiteUrl'] as const).filter(
      (field) => organization[field] !== updated[field],
    );
    if (fields.length > 0) {
      // Public pages show the organization's name, slug and avatar on its blueprints.
      this.responseCache.invalidate([authorTag(organization.slug), FEDERATION_CATALOGUE_TAG]);
      await this.audit.record(
        { type: 'user', id: principal.userId },
        'organization.updated',
        { type: 'organization', id: organization.id },
        requestContext(request),
        { fields: [...fields] },
        organization.id,
      );
    }
    return this.viewFor(updated, principal);
  }

  /**
   * The account-deletion rules: an Owner, signed in within ten minutes (and a fresh second factor with two-step on).
   * Its blueprints go by foreign-key cascade; the blueprints trigger tombstones the once-listed ones for peers.
   */
  async delete(request: Request, slug: string, principal: SessionPrincipal): Promise<void> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.delete');
    this.sessions.assertRecent(principal, 'sign-in');
    if (await this.signIn.twoStepEnabled(principal.userId)) this.sessions.assertRecent(principal, 'second factor');
    await this.entitlements.assertNothingRenews({ kind: 'organization', id: organization.id });
    if (!(await this.repository.delete(organization.id))) throw new OrganizationNotFoundError();
    this.responseCache.invalidate([authorTag(organization.slug), FEDERATION_CATALOGUE_TAG]);
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'organization.deleted',
      { type: 'organization', id: organization.id },
      requestContext(request),
      { slug: organization.slug },
      organization.id,
    );
  }

  async members(slug: string, principal: SessionPrincipal): Promise<MemberView[]> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.view');
    return (await this.repository.members(organization.id)).map(toMemberView);
  }

  async changeRole(
    request: Request,
    slug: string,
    principal: SessionPrincipal,
    memberRef: string,
    role: OrganizationRole,
  ): Promise<MemberView> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.view');
    const member = await this.findMember(organization.id, memberRef);
    await this.authorize(principal, 'member.change-role', {
      organizationId: organization.id,
      userId: member.userId,
      role: member.role,
      newRole: role,
    });
    if (member.role === role) return toMemberView(member);
    // Checked first for a clear answer; the deferred trigger decides races (two Owners demoting each other at once).
    if (member.role === 'owner' && (await this.repository.ownerCount(organization.id)) <= 1) throw new LastOwnerError();
    try {
      if (!(await this.repository.setRole(organization.id, member.userId, role))) throw new MemberNotFoundError();
    } catch (error) {
      throw lastOwner(error);
    }
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'member.role_changed',
      { type: 'user', id: member.userId },
      requestContext(request),
      { from: member.role, to: role },
      organization.id,
    );
    return toMemberView({ ...member, role });
  }

  /** Removes a member, or lets the caller leave. The last Owner can do neither. */
  async removeMember(request: Request, slug: string, principal: SessionPrincipal, memberRef: string): Promise<void> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.view');
    const member = await this.findMember(organization.id, memberRef);
    await this.authorize(principal, 'member.remove', {
      organizationId: organization.id,
      userId: member.userId,
      role: member.role,
    });
    if (member.role === 'owner' && (await this.repository.ownerCount(organization.id)) <= 1) throw new LastOwnerError();
    try {
      if (!(await this.repository.removeMember(organization.id, member.userId))) throw new MemberNotFoundError();
    } catch (error) {
      throw lastOwner(error);
    }
    await this.entitlements.membersChanged(organization.id);
    const leaving = member.userId === principal.userId;
    await this.audit.record(
      { type: 'user', id: principal.userId },
      leaving ? 'member.left' : 'member.removed',
      { type: 'user', id: member.userId },
      requestContext(request),
      { role: member.role },
      organization.id,
    );
  }

  /** Slugs of the organizations where this user is the only Owner (account deletion refuses while there are any). */
  soleOwnerships(userId: string): Promise<string[]> {
    return this.repository.soleOwnerships(userId);
  }

  async viewFor(organization: Organization, principal: SessionPrincipal): Promise<OrganizationView> {
    const [member, count] = await Promise.all([
      this.repository.member(organization.id, principal.userId),
      this.repository.memberCount(organization.id),
    ]);
    if (!member) throw new OrganizationNotFoundError();
    return toView(organization, member.role, count);
  }

  private async findMember(organizationId: string, memberRef: string): Promise<MemberRow> {
    const userId = UUID_PATTERN.test(memberRef)
      ? memberRef
      : (await this.repository.userIdByHandle(memberRef.replace(/^@/, '')))?.id;
    const member = userId ? await this.repository.member(organizationId, userId) : null;
    if (!member) throw new MemberNotFoundError();
    return member;
  }

  private async authorize(
    principal: SessionPrincipal,
    action: MemberAction,
    member: { organizationId: string; userId: string; role: OrganizationRole; newRole?: OrganizationRole },
  ): Promise<void> {
    if (!(await this.access.can(principal, action, { type: 'member', ...member }))) {
      throw new OrganizationRoleRequiredError(action);
    }
  }
}

export function validSlug(slug: string): string {
  if (!SLUG_PATTERN.test(slug)) throw new OrganizationSlugInvalidError(slug);
  return slug;
}

function details(input: Partial<OrganizationDetails>): Partial<OrganizationDetails> {
  return {
    ...(input.name === undefined ? {} : { name: input.name.trim() }),
    ...(input.description === undefined ? {} : { description: input.description.trim() }),
    ...(input.avatarUrl === undefined ? {} : { avatarUrl: input.avatarUrl }),
    ...(input.websiteUrl === undefined ? {} : { websiteUrl: input.websiteUrl }),
  } as Partial<OrganizationDetails>;
}

function nameClash(error: unknown, slug: string): unknown {
  if (isUniqueViolation(error) || isConstraintViolation(error, ...NAME_CLASH)) return new HandleTakenError(slug);
  return error;
}

export function lastOwner(error: unknown): unknown {
  return isConstraintViolation(error, ...LAST_OWNER) ? new LastOwnerError() : error;
}

export function toView(organization: Organization, role: OrganizationRole, memberCount: number): OrganizationView {
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    description: organization.description,
    avatarUrl: organization.avatarUrl,
    websiteUrl: organization.websiteUrl,
    role,
    memberCount,
    createdAt: organization.createdAt.toISOString(),
  };
}

function toMemberView(member: MemberRow): MemberView {
  return {
    userId: member.userId,
    handle: member.user.handle,
    displayName: member.user.displayName,
    avatarUrl: member.user.avatarUrl,
    role: member.role,
    joinedAt: member.createdAt.toISOString(),
  };
}
