import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Ownership } from '../access/permissions';
import { BLUEPRINT_VIEW, ownedBy, type BlueprintRow } from '../blueprints/blueprints.repository';

export interface ProfileCounts {
  publicBlueprints: number;
  hierarchies: number;
  favoritesReceived: number;
  downloads: number;
}

@Injectable()
export class ProfilesRepository {
  constructor(private readonly prisma: PrismaService) {}

  userByHandle(handle: string) {
    return this.prisma.user.findUnique({
      where: { handle },
      select: { id: true, handle: true, displayName: true, bio: true, avatarUrl: true, createdAt: true },
    });
  }

  organizationBySlug(slug: string) {
    return this.prisma.organization.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        avatarUrl: true,
        websiteUrl: true,
        createdAt: true,
      },
    });
  }

  /**
   * Every number is over listed blueprints only, so private, unlisted, team, draft and deleted ones never show in a
   * count; a hierarchy counts when at least one of its listed blueprints belongs to the same owner.
   */
  async counts(owner: Ownership): Promise<ProfileCounts> {
    const listed = { listed: true, ...ownedBy(owner) };
    const [aggregate, hierarchies] = await Promise.all([
      this.prisma.blueprint.aggregate({
        where: listed,
        _count: { _all: true },
        _sum: { favoriteCount: true, downloadCount: true },
      }),
      this.prisma.blueprintHierarchy.count({ where: { ...ownedBy(owner), blueprints: { some: listed } } }),
    ]);
    return {
      publicBlueprints: aggregate._count._all,
      hierarchies,
      favoritesReceived: aggregate._sum.favoriteCount ?? 0,
      downloads: aggregate._sum.downloadCount ?? 0,
    };
  }

  /** Listed blueprints, newest publication first, keyset-paged on (first_published_at, id). */
  listed(
    owner: Ownership,
    page: { limit: number; after?: { publishedAt: Date; id: string } },
  ): Promise<BlueprintRow[]> {
    const after = page.after;
    return this.prisma.blueprint.findMany({
      where: {
        listed: true,
        ...ownedBy(owner),
        ...(after
          ? {
              OR: [
                { firstPublishedAt: { lt: after.publishedAt } },
                { firstPublishedAt: after.publishedAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      include: BLUEPRINT_VIEW,
      orderBy: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
      take: page.limit,
    });
  }
}
