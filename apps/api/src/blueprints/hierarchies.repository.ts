import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Ownership } from '../access/permissions';
import type { Prisma } from '../generated/prisma/client';
import { TransferSlugsTakenError } from './blueprints.errors';
import { ownedBy, type BeforeWrite } from './blueprints.repository';

const OWNER = { select: { handle: true, displayName: true, avatarUrl: true } } as const;
const ORGANIZATION = { select: { slug: true, name: true, avatarUrl: true } } as const;
const OWNERS = { owner: OWNER, organization: ORGANIZATION } as const;

/**
 * The most rows one tree or list response holds. Quotas keep hierarchies below it (their limits cannot be set higher);
 * the cap bounds the response even for data written before quotas existed.
 */
const MAX_LISTED = 10_000;

/** What the tree and the archive need of a member, and what the read rule decides on. */
const MEMBER = {
  id: true,
  name: true,
  kind: true,
  format: true,
  ownerId: true,
  organizationId: true,
  visibility: true,
  listed: true,
  headVersion: true,
  publishedVersion: true,
  deletedAt: true,
  repositoryPath: true,
  parentId: true,
} as const;

@Injectable()
export class HierarchiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: Ownership & { id: string; name: string; description: string }, beforeWrite?: BeforeWrite) {
    return this.prisma.$transaction(async (tx) => {
      await beforeWrite?.(tx);
      return tx.blueprintHierarchy.create({ data, include: OWNERS });
    });
  }

  findById(id: string) {
    return this.prisma.blueprintHierarchy.findUnique({ where: { id }, include: OWNERS });
  }

  async ownedBy(id: string, owner: Ownership): Promise<boolean> {
    const row = await this.prisma.blueprintHierarchy.findFirst({
      where: { id, ...ownedBy(owner) },
      select: { id: true },
    });
    return row !== null;
  }

  /**
   * An owner's hierarchies. `seen` narrows them to what someone other than the owner may see, as the tree does: those
   * holding a listed blueprint (`listed`), or also a published `team` one (`team`); only those blueprints are counted.
   */
  listOwned(owner: Ownership, seen: 'all' | 'team' | 'listed' = 'all') {
    const visible: Prisma.BlueprintWhereInput =
      seen === 'all'
        ? { deletedAt: null }
        : seen === 'listed'
          ? { listed: true }
          : { deletedAt: null, publishedVersion: { not: null }, OR: [{ listed: true }, { visibility: 'team' }] };
    return this.prisma.blueprintHierarchy.findMany({
      where: { ...ownedBy(owner), ...(seen === 'all' ? {} : { blueprints: { some: visible } }) },
      include: { ...OWNERS, _count: { select: { blueprints: { where: visible } } } },
      orderBy: { updatedAt: 'desc' },
      take: MAX_LISTED,
    });
  }

  update(id: string, data: { name?: string; description?: string }) {
    return this.prisma.blueprintHierarchy.update({ where: { id }, data, include: OWNERS });
  }

  /**
   * Gives the hierarchy and every blueprint in it to another owner at once (their ids stay). A member whose slug the
   * new owner already uses fails the whole transfer with SLUG_TAKEN; `team` members become `private` for a user.
   */
  async transfer(id: string, to: Ownership, beforeWrite?: BeforeWrite): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await beforeWrite?.(tx);
      const members = await tx.blueprint.findMany({ where: { hierarchyId: id }, select: { slug: true } });
      const clashes = await tx.blueprint.findMany({
        where: { ...ownedBy(to), slug: { in: members.map((member) => member.slug) }, NOT: { hierarchyId: id } },
        select: { slug: true },
      });
      if (clashes.length > 0) throw new TransferSlugsTakenError(clashes.map((clash) => clash.slug));
      await tx.blueprintHierarchy.update({
        where: { id },
        data: { ownerId: to.ownerId, organizationId: to.organizationId },
      });
      if (to.organizationId === null) {
        await tx.blueprint.updateMany({
          where: { hierarchyId: id, visibility: 'team' },
          data: { visibility: 'private' },
        });
      }
      await tx.blueprint.updateMany({
        where: { hierarchyId: id },
        data: { ownerId: to.ownerId, organizationId: to.organizationId, revision: { increment: 1 } },
      });
    });
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

  /** The live blueprints of a hierarchy with what the tree needs. */
  members(id: string) {
    return this.prisma.blueprint.findMany({
      where: { hierarchyId: id, deletedAt: null },
      select: MEMBER,
      orderBy: { repositoryPath: 'asc' },
      take: MAX_LISTED,
    });
  }

  /** One page of members (metadata only) after the path `after`, in path order: paths are unique in a hierarchy. */
  memberPage(id: string, after: string | undefined, take: number) {
    return this.prisma.blueprint.findMany({
      where: { hierarchyId: id, deletedAt: null, repositoryPath: after === undefined ? { not: null } : { gt: after } },
      select: MEMBER,
      orderBy: { repositoryPath: 'asc' },
      take,
    });
  }

  /**
   * The content of each given version and whether it has attached files, keyed by blueprint id: the caller bounds how
   * many it asks for at once.
   */
  async contents(
    versions: { blueprintId: string; number: number }[],
  ): Promise<Map<string, { content: string; versionId: string; format: string; hasFiles: boolean }>> {
    if (versions.length === 0) return new Map();
    const rows = await this.prisma.blueprintVersion.findMany({
      where: { OR: versions.map(({ blueprintId, number }) => ({ blueprintId, number })) },
      select: { id: true, blueprintId: true, content: true, format: true, _count: { select: { files: true } } },
    });
    return new Map(
      rows.map((row) => [
        row.blueprintId,
        { content: row.content, versionId: row.id, format: row.format, hasFiles: row._count.files > 0 },
      ]),
    );
  }

  /** Which of these paths a live member of the hierarchy sits at (an attached file there would collide with it). */
  async memberPathsAmong(id: string, paths: string[]): Promise<Set<string>> {
    if (paths.length === 0) return new Set();
    const rows = await this.prisma.blueprint.findMany({
      where: { hierarchyId: id, deletedAt: null, repositoryPath: { in: paths } },
      select: { repositoryPath: true },
    });
    return new Set(rows.flatMap((row) => (row.repositoryPath ? [row.repositoryPath] : [])));
  }

  /**
   * Paths where an attached file of a member's head or published version would land on another member: known before
   * an archive's first byte, for its header (the archive itself decides per version read).
   */
  async attachedPathCollisions(id: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ path: string }[]>`
      SELECT DISTINCT o.repository_path AS path
        FROM blueprints m
        JOIN blueprint_versions v ON v.blueprint_id = m.id AND v.number IN (m.head_version, m.published_version)
        JOIN blueprint_version_files f ON f.version_id = v.id
        JOIN blueprints o ON o.hierarchy_id = m.hierarchy_id AND o.deleted_at IS NULL
         AND o.repository_path = regexp_replace(m.repository_path, '[^/]*$', '') || f.path
       WHERE m.hierarchy_id = ${id} AND m.deleted_at IS NULL
       ORDER BY 1
       LIMIT 50`;
    return rows.map((row) => row.path);
  }

  /** A version's attached files with their bytes (bounded by BLUEPRINT_FILES_MAX_BYTES when written). */
  attachedFiles(versionId: string): Promise<{ path: string; content: Uint8Array }[]> {
    return this.prisma.blueprintVersionFile.findMany({
      where: { versionId },
      select: { path: true, content: true },
      orderBy: { path: 'asc' },
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
