import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Organization, OrganizationRole, Prisma } from '../generated/prisma/client';

export interface OrganizationDetails {
  readonly name: string;
  readonly description?: string;
  readonly avatarUrl?: string | null;
  readonly websiteUrl?: string | null;
}

/** A check a write runs inside its transaction before it changes anything (a plan's limit). */
export type BeforeWrite = (tx: Prisma.TransactionClient) => Promise<void>;

const MEMBER_USER = { select: { id: true, handle: true, displayName: true, avatarUrl: true } } as const;

/** Organizations, their members and invitations: the only Prisma user of this capability. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The organization and its first Owner, together or not at all. */
  /** `record` writes in the same transaction (the audit entry), so a create that committed has nothing left to fail. */
  create(
    slug: string,
    details: OrganizationDetails,
    ownerId: string,
    hooks: {
      beforeWrite?: BeforeWrite;
      record?: (tx: Prisma.TransactionClient, organization: Organization) => Promise<unknown>;
    } = {},
  ) {
    return this.prisma.$transaction(async (tx) => {
      await hooks.beforeWrite?.(tx);
      const organization = await tx.organization.create({ data: { slug, ...details } });
      await tx.organizationMember.create({ data: { organizationId: organization.id, userId: ownerId, role: 'owner' } });
      await hooks.record?.(tx, organization);
      return organization;
    });
  }

  bySlug(slug: string) {
    return this.prisma.organization.findUnique({ where: { slug: slug.toLowerCase() } });
  }

  byId(id: string) {
    return this.prisma.organization.findUnique({ where: { id } });
  }

  /** The user's organizations with their role, and each one's member count. */
  forUser(userId: string) {
    return this.prisma.organizationMember.findMany({
      where: { userId },
      include: { organization: { include: { _count: { select: { members: true } } } } },
      orderBy: { organization: { slug: 'asc' } },
    });
  }

  update(id: string, changes: Partial<OrganizationDetails> & { slug?: string }) {
    return this.prisma.organization.update({ where: { id }, data: changes });
  }

  /** Members, invitations, tokens, blueprints and hierarchies go by foreign-key cascade (blueprints tombstoned). */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.organization.deleteMany({ where: { id } });
    return count === 1;
  }

  members(organizationId: string) {
    return this.prisma.organizationMember.findMany({
      where: { organizationId },
      include: { user: MEMBER_USER },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
    });
  }

  memberCount(organizationId: string): Promise<number> {
    return this.prisma.organizationMember.count({ where: { organizationId } });
  }

  ownerCount(organizationId: string): Promise<number> {
    return this.prisma.organizationMember.count({ where: { organizationId, role: 'owner' } });
  }

  member(organizationId: string, userId: string) {
    return this.prisma.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      include: { user: MEMBER_USER },
    });
  }

  userIdByHandle(handle: string) {
    return this.prisma.user.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true } });
  }

  /** Null when the membership is gone meanwhile. */
  async setRole(organizationId: string, userId: string, role: OrganizationRole) {
    const { count } = await this.prisma.organizationMember.updateMany({
      where: { organizationId, userId },
      data: { role },
    });
    return count === 1;
  }

  async removeMember(organizationId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.organizationMember.deleteMany({ where: { organizationId, userId } });
    return count === 1;
  }

  /** Organizations where this user is the only Owner (account deletion must not orphan them). */
  async soleOwnerships(userId: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ slug: string }>>`
      SELECT o.slug FROM organizations o
        JOIN organization_members m ON m.organization_id = o.id AND m.user_id = ${userId}::uuid AND m.role = 'owner'
       WHERE NOT EXISTS (
         SELECT 1 FROM organization_members other
          WHERE other.organization_id = o.id AND other.role = 'owner' AND other.user_id <> ${userId}::uuid)
       ORDER BY o.slug`;
    return rows.map((row) => row.slug);
  }

  // Invitations

  createInvitation(
    data: {
      organizationId: string;
      email: string;
      role: OrganizationRole;
      tokenHash: string;
      invitedById: string;
      expiresAt: Date;
    },
    beforeCreate?: BeforeWrite,
  ) {
    return this.prisma.$transaction(async (tx) => {
      // A new invitation to the same address replaces the pending one: one live link per address (and one seat
      // promised, so the check runs after the replaced one is gone).
      const now = new Date();
      await tx.organizationInvitation.updateMany({
        where: { organizationId: data.organizationId, email: data.email, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      await beforeCreate?.(tx);
      return tx.organizationInvitation.create({ data });
    });
  }

  invitations(organizationId: string, pendingAt: Date | null) {
    return this.prisma.organizationInvitation.findMany({
      where: {
        organizationId,
        ...(pendingAt ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: pendingAt } } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: 500,
    });
  }

  pendingInvitationCount(
    organizationId: string,
    now: Date,
    client: Prisma.TransactionClient | PrismaService = this.prisma,
  ): Promise<number> {
    return client.organizationInvitation.count({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
  }

  invitation(organizationId: string, id: string) {
    return this.prisma.organizationInvitation.findFirst({ where: { id, organizationId } });
  }

  invitationByTokenHash(tokenHash: string) {
    return this.prisma.organizationInvitation.findUnique({ where: { tokenHash }, include: { organization: true } });
  }

  async revokeInvitation(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.organizationInvitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return count === 1;
  }

  /**
   * Uses the invitation up and adds the membership in one transaction. The conditional update is the single-use
   * guarantee: of two acceptances at once, only one changes the row. 'used' when it was no longer pending.
   * `beforeJoin` (the seat check) runs before the member is added; when it throws, the invitation stays pending.
   */
  acceptInvitation(
    id: string,
    userId: string,
    now: Date,
    beforeJoin?: BeforeWrite,
  ): Promise<'accepted' | 'used' | 'member'> {
    return this.prisma
      .$transaction(async (tx) => {
        const { count } = await tx.organizationInvitation.updateMany({
          where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { acceptedAt: now, acceptedById: userId },
        });
        if (count !== 1) return 'used';
        const invitation = await tx.organizationInvitation.findUniqueOrThrow({ where: { id } });
        const existing = await tx.organizationMember.findUnique({
          where: { organizationId_userId: { organizationId: invitation.organizationId, userId } },
        });
        if (existing) throw new AlreadyMemberSignal();
        await beforeJoin?.(tx);
        await tx.organizationMember.create({
          data: { organizationId: invitation.organizationId, userId, role: invitation.role },
        });
        return 'accepted' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadyMemberSignal) return 'member' as const;
        throw error;
      });
  }
}

/** Rolls the acceptance back (the invitation stays pending) when the user already belongs. */
class AlreadyMemberSignal extends Error {}
