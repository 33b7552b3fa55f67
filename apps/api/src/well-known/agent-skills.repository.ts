import { Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import { ownedBy } from '../blueprints/blueprints.repository';
import { PrismaService } from '../database/prisma.service';

/**
 * What discovery publishes: listed (public, published, not deleted) skills whose published version has no
 * hidden-instruction findings, since agents load a discovered SKILL.md straight into their context.
 */
const DISCOVERABLE = { listed: true, kind: 'skill', publishedFindings: 0 } as const;

const SKILL_ROW = {
  id: true,
  slug: true,
  name: true,
  description: true,
  publishedVersion: true,
  firstPublishedAt: true,
} as const;

export interface DiscoverableSkillRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  publishedVersion: number | null;
  firstPublishedAt: Date | null;
}

export interface PublishedSkillVersion {
  content: string;
  format: string;
  files: { path: string; encoding: 'utf8' | 'base64'; bytes: Buffer }[];
}

@Injectable()
export class AgentSkillsRepository {
  constructor(private readonly prisma: PrismaService) {}

  private scope(owner: Ownership | undefined) {
    return owner ? { ...DISCOVERABLE, ...ownedBy(owner) } : DISCOVERABLE;
  }

  /** Changes whenever a skill joins, leaves or is edited: a cached index is rebuilt only then. */
  async fingerprint(owner: Ownership | undefined): Promise<string> {
    const aggregate = await this.prisma.blueprint.aggregate({
      where: this.scope(owner),
      _count: { _all: true },
      _max: { updatedAt: true },
    });
    return `${aggregate._count._all}:${aggregate._max.updatedAt?.toISOString() ?? '-'}`;
  }

  /** Earliest published first, keyset-paged on (first_published_at, id); `standalone`: only skills in no hierarchy. */
  page(
    owner: Ownership | undefined,
    take: number,
    after?: { publishedAt: Date; id: string },
    standalone = false,
  ): Promise<DiscoverableSkillRow[]> {
    return this.prisma.blueprint.findMany({
      where: {
        ...this.scope(owner),
        ...(standalone ? { hierarchyId: null } : {}),
        ...(after
          ? {
              OR: [
                { firstPublishedAt: { gt: after.publishedAt } },
                { firstPublishedAt: after.publishedAt, id: { gt: after.id } },
              ],
            }
          : {}),
      },
      select: SKILL_ROW,
      orderBy: [{ firstPublishedAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  skill(id: string): Promise<DiscoverableSkillRow | null> {
    return this.prisma.blueprint.findFirst({ where: { ...DISCOVERABLE, id }, select: SKILL_ROW });
  }

  async publishedVersion(blueprintId: string, number: number): Promise<PublishedSkillVersion | null> {
    const version = await this.prisma.blueprintVersion.findUnique({
      where: { blueprintId_number: { blueprintId, number } },
      select: {
        content: true,
        format: true,
        files: { select: { path: true, encoding: true, content: true }, orderBy: { path: 'asc' } },
      },
    });
    if (!version) return null;
    return {
      content: version.content,
      format: version.format,
      files: version.files.map((file) => ({
        path: file.path,
        encoding: file.encoding === 'base64' ? 'base64' : 'utf8',
        bytes: Buffer.from(file.content),
      })),
    };
  }
}
