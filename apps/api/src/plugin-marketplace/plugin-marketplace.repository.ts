import { Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import { ownedBy } from '../blueprints/blueprints.repository';
import { PrismaService } from '../database/prisma.service';
import type { DbKind } from '../blueprints/blueprint-rules';

/**
 * What a marketplace publishes of a member: listed (public, published, not deleted) and with no hidden-instruction
 * findings in its published version, as for Agent Skills discovery: Claude Code loads plugin files into its context.
 */
const PUBLISHABLE = { listed: true, publishedFindings: 0 } as const;

export interface PluginHierarchyRow {
  id: string;
  name: string;
  description: string;
  pluginManifest: unknown;
  createdAt: Date;
}

export interface PluginMemberRow {
  id: string;
  name: string;
  kind: DbKind;
  repositoryPath: string | null;
  publishedVersion: number | null;
}

/** The hierarchies that become plugins in one account's marketplace, and their publishable members. */
@Injectable()
export class PluginMarketplaceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Changes whenever a publishable blueprint or a hierarchy of the account joins, leaves or is edited; `latest` is the
   * newest edit, the time of the repository's commit.
   */
  async fingerprint(owner: Ownership): Promise<{ key: string; latest: Date | null }> {
    const [blueprints, hierarchies] = await Promise.all([
      this.prisma.blueprint.aggregate({
        where: { ...PUBLISHABLE, ...ownedBy(owner) },
        _count: { _all: true },
        _max: { updatedAt: true },
      }),
      this.prisma.blueprintHierarchy.aggregate({
        where: ownedBy(owner),
        _count: { _all: true },
        _max: { updatedAt: true },
      }),
    ]);
    const dates = [blueprints._max.updatedAt, hierarchies._max.updatedAt].filter((date): date is Date => !!date);
    const key = [
      blueprints._count._all,
      blueprints._max.updatedAt?.toISOString() ?? '-',
      hierarchies._count._all,
      hierarchies._max.updatedAt?.toISOString() ?? '-',
    ].join(':');
    return { key, latest: dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null };
  }

  /** The account's hierarchies with at least one publishable member of its own, oldest first, keyset-paged. */
  hierarchies(owner: Ownership, take: number, after?: { createdAt: Date; id: string }): Promise<PluginHierarchyRow[]> {
    return this.prisma.blueprintHierarchy.findMany({
      where: {
        ...ownedBy(owner),
        blueprints: { some: { ...PUBLISHABLE, ...ownedBy(owner) } },
        ...(after
          ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
          : {}),
      },
      select: { id: true, name: true, description: true, pluginManifest: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** A hierarchy's publishable members of the same owner, in path order, at most `take`. */
  members(owner: Ownership, hierarchyId: string, take: number): Promise<PluginMemberRow[]> {
    return this.prisma.blueprint.findMany({
      where: { ...PUBLISHABLE, ...ownedBy(owner), hierarchyId, repositoryPath: { not: null } },
      select: { id: true, name: true, kind: true, repositoryPath: true, publishedVersion: true },
      orderBy: { repositoryPath: 'asc' },
      take,
    });
  }
}
