import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma, TokenEnvironment } from '../../generated/prisma/client';

export interface NewApiToken {
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  scopes: string[];
  environment: TokenEnvironment;
  expiresAt: Date | null;
}

/** An organization's token: it belongs to the organization, and names the admin who made it. */
export interface NewOrganizationToken extends Omit<NewApiToken, 'userId'> {
  organizationId: string;
  createdById: string;
}

@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(token: NewApiToken) {
    return this.prisma.apiToken.create({ data: token });
  }

  findByHash(tokenHash: string) {
    return this.prisma.apiToken.findUnique({ where: { tokenHash } });
  }

  listForUser(userId: string) {
    return this.prisma.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
  }

  /** `beforeCreate` (the plan's token limit) runs first in the same transaction. */
  createForOrganization(token: NewOrganizationToken, beforeCreate?: (tx: Prisma.TransactionClient) => Promise<void>) {
    return this.prisma.$transaction(async (tx) => {
      await beforeCreate?.(tx);
      return tx.apiToken.create({ data: { ...token, userId: null } });
    });
  }

  /** The organization's tokens that are not revoked, newest first, with the handle of whoever made each. */
  async listForOrganization(organizationId: string) {
    const rows = await this.prisma.apiToken.findMany({
      where: { organizationId, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
    const creatorIds = [...new Set(rows.map((row) => row.createdById).filter((id): id is string => id !== null))];
    const creators = await this.prisma.user.findMany({
      where: { id: { in: creatorIds } },
      select: { id: true, handle: true },
    });
    const handles = new Map(creators.map((user) => [user.id, user.handle]));
    return rows.map((row) => ({
      ...row,
      createdByHandle: row.createdById ? (handles.get(row.createdById) ?? null) : null,
    }));
  }

  /** Returns how many were revoked (0 when the token is not this organization's or already revoked). */
  async revokeForOrganization(organizationId: string, id: string, at: Date): Promise<number> {
    const { count } = await this.prisma.apiToken.updateMany({
      where: { id, organizationId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }

  recordUse(id: string, at: Date, ip: string | null) {
    return this.prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at, lastUsedIp: ip } });
  }

  /** Returns how many were revoked (0 when the token is not the user's or already revoked). */
  async revoke(userId: string, id: string, at: Date): Promise<number> {
    const { count } = await this.prisma.apiToken.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }
}
