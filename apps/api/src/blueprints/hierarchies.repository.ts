import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

const OWNER = { select: { handle: true, displayName: true, avatarUrl: true } } as const;

@Injectable()
export class HierarchiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { id: string; ownerId: string; name: string; description: string }) {
    return this.prisma.blueprintHierarchy.create({ data, include: { owner: OWNER } });
  }

  findById(id: string) {
    return this.prisma.blueprintHierarchy.findUnique({ where: { id }, include: { owner: OWNER } });
  }

  async ownedBy(id: string, ownerId: string): Promise<boolean> {
    const row = await this.prisma.blueprintHierarchy.findUnique({ where: { id }, select: { ownerId: true } });
    return row?.ownerId === ownerId;
  }

  listOwned(ownerId: string) {
    return this.prisma.blueprintHierarchy.findMany({
      where: { ownerId },
      include: { owner: OWNER, _count: { select: { blueprints: { where: { deletedAt: null } } } } },
      orderBy: { updatedAt: 'desc' },
    });
  }

  update(id: string, data: { name?: string; description?: string }) {
    return this.prisma.blueprintHierarchy.update({ where: { id }, data, include: { owner: OWNER } });
  }

  /** Its blueprints stay, outside any hierarchy. */
  async delete(id: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.blueprint.updateMany({
        where: { hierarchyId: id },
        data: { hierarchyId: null, repositoryPath: null, parentId: null },
      }),
      this.prisma.blueprintHierarchy.delete({ where: { id } }),
    ]);
  }

  /** The live blueprints of a hierarchy with what the tree and the archive need. */
  members(id: string) {
    return this.prisma.blueprint.findMany({
      where: { hierarchyId: id, deletedAt: null },
      select: {
        id: true,
        name: true,
        kind: true,
        format: true,
        ownerId: true,
        visibility: true,
        listed: true,
        headVersion: true,
        publishedVersion: true,
        deletedAt: true,
        repositoryPath: true,
        parentId: true,
      },
      orderBy: { repositoryPath: 'asc' },
    });
  }

  /** Whether `candidate` sits below `ancestor` in the parent chain (so making it the parent would close a cycle). */
  async isDescendant(candidate: string, ancestor: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      WITH RECURSIVE chain(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM blueprints WHERE id = ${candidate}
        UNION ALL
        SELECT b.id, b.parent_id, c.depth + 1 FROM blueprints b JOIN chain c ON b.id = c.parent_id WHERE c.depth < 64
      )
      SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${ancestor}) AS found`;
    return rows[0]?.found ?? false;
  }
}
