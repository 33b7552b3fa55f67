import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { Ownership } from '../access/permissions';
import { ownedBy } from '../blueprints/blueprints.repository';
import type { WriteGuard } from '../quotas/quotas.service';

const OWNER = { select: { handle: true, displayName: true, avatarUrl: true } } as const;
const ORGANIZATION = { select: { slug: true, name: true, avatarUrl: true } } as const;

/** The hierarchies plugins are imported into, with the manifest each keeps. */
@Injectable()
export class PluginsRepository {
  constructor(private readonly prisma: PrismaService) {}

  createHierarchy(
    data: Ownership & { id: string; name: string; description: string; pluginManifest: Prisma.InputJsonValue },
    beforeWrite: WriteGuard,
  ) {
    return this.prisma.$transaction(async (tx) => {
      await beforeWrite(tx);
      return tx.blueprintHierarchy.create({ data, select: { id: true } });
    });
  }

  findHierarchy(id: string) {
    return this.prisma.blueprintHierarchy.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        description: true,
        ownerId: true,
        organizationId: true,
        pluginManifest: true,
        owner: OWNER,
        organization: ORGANIZATION,
      },
    });
  }

  /**
   * Undoes a plugin import that failed part way: its blueprints go for good (versions and favourites with them, so
   * quotas count them no more), then its hierarchies. Only what this import created is named.
   */
  async discard(owner: Ownership, hierarchyIds: string[], blueprintIds: string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.blueprint.deleteMany({ where: { ...ownedBy(owner), id: { in: blueprintIds } } }),
      this.prisma.blueprintHierarchy.deleteMany({ where: { ...ownedBy(owner), id: { in: hierarchyIds } } }),
    ]);
  }
}
