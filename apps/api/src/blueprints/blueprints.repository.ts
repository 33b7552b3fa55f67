import { Injectable } from '@nestjs/common';
import { Prisma, type BlueprintKind, type BlueprintVisibility } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { Ownership } from '../access/permissions';
import { RepositoryPathTakenError, SlugTakenError } from './blueprints.errors';

const AUTHOR = { select: { handle: true, displayName: true, avatarUrl: true } } as const;
/** An organization owner, shown like a user author: its slug is the handle, its name the display name. */
const ORGANIZATION_AUTHOR = { select: { slug: true, name: true, avatarUrl: true } } as const;

/** Everything a summary or detail response shows about a blueprint, in one query. */
export const BLUEPRINT_VIEW = {
  owner: AUTHOR,
  organization: ORGANIZATION_AUTHOR,
  forkedFrom: {
    select: {
      id: true,
      name: true,
      deletedAt: true,
      listed: true,
      visibility: true,
      ownerId: true,
      organizationId: true,
      owner: AUTHOR,
      organization: ORGANIZATION_AUTHOR,
    },
  },
  hierarchy: { select: { id: true, name: true } },
  forkedFromRemote: { select: { id: true, name: true, hiddenAt: true } },
} satisfies Prisma.BlueprintInclude;

export type BlueprintRow = Prisma.BlueprintGetPayload<{ include: typeof BLUEPRINT_VIEW }>;
export type VersionRow = Prisma.BlueprintVersionGetPayload<{ include: { author: typeof AUTHOR } }>;

export interface NewVersion {
  content: string;
  contentHash: string;
  sizeBytes: number;
  format: string;
  /** The person who wrote it; null when an organization token did. */
  authorId: string | null;
  changelog: string;
  findings: Prisma.InputJsonValue;
  /** Finding ids the author confirmed are not secrets. */
  acknowledgedFindings: string[];
  restoredFrom?: number;
  /** Attached files, written in the same transaction as the version. */
  files?: NewVersionFile[];
}

export interface NewVersionFile {
  path: string;
  content: Uint8Array;
  encoding: 'utf8' | 'base64';
  sizeBytes: number;
  contentHash: string;
  findings: Prisma.InputJsonValue;
}

/** An attached file without its bytes, for listings. */
export interface VersionFileSummary {
  path: string;
  encoding: string;
  sizeBytes: number;
  contentHash: string;
  findings: unknown;
}

const FILE_SUMMARY = { path: true, encoding: true, sizeBytes: true, contentHash: true, findings: true } as const;

/** The version row's data with its files as a nested create, so both land in one statement batch of the write. */
function versionData(version: NewVersion) {
  const { files, ...rest } = version;
  return {
    ...rest,
    ...(files && files.length > 0
      ? {
          files: {
            create: files.map((file) => ({ ...file, content: Uint8Array.from(file.content) })),
          },
        }
      : {}),
  };
}

export interface BlueprintMetadata {
  name?: string;
  slug?: string;
  description?: string;
  kind?: BlueprintKind;
  format?: string;
  tool?: string;
  category?: string | null;
  tags?: string[];
  license?: string;
  visibility?: BlueprintVisibility;
  hierarchyId?: string | null;
  repositoryPath?: string | null;
  parentId?: string | null;
}

export interface PublishedState {
  number: number;
  contentHash: string;
  hiddenFindings: number;
}

/** Which once-published versions others may read after a write, from the secret policy's fresh scan. */
export interface ReadableVersionsPlan {
  /** Fail the policy: withheld from everyone but the owner. */
  withhold: { number: number; reason: string }[];
  /** Pass it (with these acknowledgements): readable again. */
  release: { number: number; acknowledged: string[] }[];
}

export interface WithheldVersion {
  number: number;
  reason: string;
  withheldAt: Date;
}

/** Where a fork came from: a local blueprint, or another instance's (whose URL outlives our copy of it). */
export type ForkAttribution = { forkedFromId?: string } | { forkedFromRemoteId: string; forkedFromUrl: string };

/**
 * A unique index that a concurrent (or careless) write hit, as the domain error for it: the checks before the write
 * give the friendly answer, and this one keeps a race from becoming a 500.
 */
function uniqueViolation(error: unknown, metadata: Pick<BlueprintMetadata, 'slug' | 'repositoryPath'>): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return error;
  const target = JSON.stringify(error.meta ?? {});
  if (target.includes('repository_path') || target.includes('repositoryPath')) {
    return new RepositoryPathTakenError(metadata.repositoryPath);
  }
  if (target.includes('slug')) return new SlugTakenError(metadata.slug ?? '');
  return error;
}

/** Runs first inside a write's transaction (quota checks); throwing rolls the write back. */
export type BeforeWrite = (tx: Prisma.TransactionClient) => Promise<void>;

/** A new blueprint as its creating transaction read it back. */
export interface CreatedBlueprint {
  readonly row: BlueprintRow;
  readonly version: VersionRow;
  readonly files: VersionFileSummary[];
}

/** Thrown inside a transaction when the row is gone or its revision moved on; the service maps it. */
export class StaleRevisionError extends Error {}

@Injectable()
export class BlueprintsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<BlueprintRow | null> {
    return this.prisma.blueprint.findUnique({ where: { id }, include: BLUEPRINT_VIEW, relationLoadStrategy: 'join' });
  }

  findVersion(blueprintId: string, number: number): Promise<VersionRow | null> {
    return this.prisma.blueprintVersion.findUnique({
      where: { blueprintId_number: { blueprintId, number } },
      include: { author: AUTHOR },
    });
  }

  /** A version's attached files, in path order, without their bytes. */
  versionFiles(versionId: string): Promise<VersionFileSummary[]> {
    return this.prisma.blueprintVersionFile.findMany({
      where: { versionId },
      select: FILE_SUMMARY,
      orderBy: { path: 'asc' },
    });
  }

  /** The attached files of several versions (a version list), by version id. */
  async filesOfVersions(versionIds: string[]): Promise<Map<string, VersionFileSummary[]>> {
    const byVersion = new Map<string, VersionFileSummary[]>();
    if (versionIds.length === 0) return byVersion;
    const rows = await this.prisma.blueprintVersionFile.findMany({
      where: { versionId: { in: versionIds } },
      select: { versionId: true, ...FILE_SUMMARY },
      orderBy: { path: 'asc' },
    });
    for (const { versionId, ...file } of rows) {
      byVersion.set(versionId, [...(byVersion.get(versionId) ?? []), file]);
    }
    return byVersion;
  }

  /** Every attached file of a version with its bytes: bounded by BLUEPRINT_FILES_MAX_BYTES when written. */
  async versionFileContents(
    versionId: string,
  ): Promise<{ path: string; encoding: 'utf8' | 'base64'; bytes: Buffer; contentHash: string; findings: unknown }[]> {
    const rows = await this.prisma.blueprintVersionFile.findMany({
      where: { versionId },
      select: { path: true, encoding: true, content: true, contentHash: true, findings: true },
      orderBy: { path: 'asc' },
    });
    return rows.map((row) => ({
      path: row.path,
      encoding: row.encoding === 'base64' ? 'base64' : 'utf8',
      bytes: Buffer.from(row.content),
      contentHash: row.contentHash,
      findings: row.findings,
    }));
  }

  /** One attached file with its bytes. */
  async versionFile(
    versionId: string,
    path: string,
  ): Promise<{ path: string; encoding: string; content: Buffer; contentHash: string } | null> {
    const row = await this.prisma.blueprintVersionFile.findUnique({
      where: { versionId_path: { versionId, path } },
      select: { path: true, encoding: true, content: true, contentHash: true },
    });
    return row ? { ...row, content: Buffer.from(row.content) } : null;
  }

  /** What /raw needs to decide access and answer a conditional GET, without joins or content. */
  rawState(id: string) {
    return this.prisma.blueprint.findUnique({
      where: { id },
      select: {
        ownerId: true,
        organizationId: true,
        visibility: true,
        headVersion: true,
        publishedVersion: true,
        publishedHash: true,
        format: true,
        deletedAt: true,
      },
    });
  }

  /** rawState plus the published version's content and format, in one round trip. */
  async rawWithContent(id: string) {
    const rows = await this.prisma.$queryRaw<
      {
        ownerId: string | null;
        organizationId: string | null;
        visibility: string;
        headVersion: number;
        publishedVersion: number | null;
        publishedHash: string | null;
        format: string;
        deletedAt: Date | null;
        content: string | null;
        contentFormat: string | null;
      }[]
    >`
      SELECT b.owner_id AS "ownerId", b.organization_id AS "organizationId", b.visibility::text AS visibility, b.head_version AS "headVersion",
             b.published_version AS "publishedVersion", b.published_hash AS "publishedHash", b.format,
             b.deleted_at AS "deletedAt", v.content, v.format AS "contentFormat"
        FROM blueprints b
        LEFT JOIN blueprint_versions v ON v.blueprint_id = b.id AND v.number = b.published_version
       WHERE b.id = ${id}`;
    return rows[0] ?? null;
  }

  /** Only the content of the published version, for /raw: no joins. */
  async publishedContent(blueprintId: string, number: number): Promise<{ content: string; format: string } | null> {
    return this.prisma.blueprintVersion.findUnique({
      where: { blueprintId_number: { blueprintId, number } },
      select: { content: true, format: true },
    });
  }

  listVersions(blueprintId: string, publishedOnly: boolean): Promise<Omit<VersionRow, 'content'>[]> {
    return this.prisma.blueprintVersion.findMany({
      where: { blueprintId, ...(publishedOnly ? { publishedAt: { not: null } } : {}) },
      omit: { content: true },
      include: { author: AUTHOR },
      orderBy: { number: 'desc' },
    });
  }

  async publishedVersionNumbers(blueprintId: string): Promise<number[]> {
    const rows = await this.prisma.blueprintVersion.findMany({
      where: { blueprintId, publishedAt: { not: null } },
      select: { number: true },
      orderBy: { number: 'asc' },
    });
    return rows.map((row) => row.number);
  }

  async withheldVersions(blueprintId: string): Promise<WithheldVersion[]> {
    const rows = await this.prisma.blueprintVersion.findMany({
      where: { blueprintId, withheldAt: { not: null } },
      select: { number: true, withheldReason: true, withheldAt: true },
      orderBy: { number: 'desc' },
    });
    return rows.map((row) => ({ number: row.number, reason: row.withheldReason ?? '', withheldAt: row.withheldAt! }));
  }

  /** Which of these slugs the owner already uses, with the blueprint holding each (deleted ones keep theirs). */
  async slugHolders(
    owner: Ownership,
    slugs: readonly string[],
  ): Promise<Map<string, { id: string; deleted: boolean }>> {
    const rows = await this.prisma.blueprint.findMany({
      where: { ...ownedBy(owner), slug: { in: [...slugs] } },
      select: { id: true, slug: true, deletedAt: true },
    });
    return new Map(rows.map((row) => [row.slug, { id: row.id, deleted: row.deletedAt !== null }]));
  }

  /** The live blueprint an account holds under a slug (slugs are unique per owner among live blueprints). */
  findByOwnerSlug(owner: Ownership, slug: string): Promise<BlueprintRow | null> {
    return this.prisma.blueprint.findFirst({
      where: { ...ownedBy(owner), slug, deletedAt: null },
      include: BLUEPRINT_VIEW,
      relationLoadStrategy: 'join',
    });
  }

  /** The owner's slugs that start with `stem` (at most `limit`: enough to find a free numbered one). */
  async slugsStartingWith(owner: Ownership, stem: string, limit: number): Promise<string[]> {
    const rows = await this.prisma.blueprint.findMany({
      where: { ...ownedBy(owner), slug: { startsWith: stem } },
      select: { slug: true },
      orderBy: { slug: 'asc' },
      take: limit,
    });
    return rows.map((row) => row.slug);
  }

  async slugTaken(owner: Ownership, slug: string, exceptId?: string): Promise<boolean> {
    const row = await this.prisma.blueprint.findFirst({ where: { ...ownedBy(owner), slug }, select: { id: true } });
    return row !== null && row.id !== exceptId;
  }

  /**
   * Gives a blueprint to another owner under `slug`, keeping its id (so its versions, forks, favourites and federation
   * identity), and bumps its revision. `team` becomes `private` when the new owner is a user, who cannot hold it.
   */
  async transfer(
    id: string,
    expectedRevision: number | undefined,
    to: Ownership,
    slug: string,
    beforeWrite?: BeforeWrite,
  ): Promise<BlueprintRow> {
    return this.prisma.$transaction(async (tx) => {
      await beforeWrite?.(tx);
      const current = await tx.blueprint.findUnique({ where: { id }, select: { revision: true, visibility: true } });
      if (!current || (expectedRevision !== undefined && current.revision !== expectedRevision)) {
        throw new StaleRevisionError();
      }
      try {
        return await tx.blueprint.update({
          where: { id },
          data: {
            ownerId: to.ownerId,
            organizationId: to.organizationId,
            slug,
            visibility: to.organizationId === null && current.visibility === 'team' ? 'private' : undefined,
            revision: { increment: 1 },
          },
          include: BLUEPRINT_VIEW,
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new SlugTakenError(slug);
        }
        throw error;
      }
    });
  }

  /**
   * What live blueprints hold in storage, as the storage quota counts it: every version and attached file of one
   * blueprint, or of every blueprint of a hierarchy. With their number, for the count quota of a transfer, and how
   * many of them are private or team (the plan's `privateBlueprints`).
   */
  async stored(
    where: { id: string } | { hierarchyId: string },
  ): Promise<{ blueprints: number; privateBlueprints: number; bytes: number }> {
    const live = { ...where, deletedAt: null };
    const [blueprints, privateBlueprints, versions, files] = await Promise.all([
      this.prisma.blueprint.count({ where: live }),
      this.prisma.blueprint.count({ where: { ...live, visibility: { in: ['private', 'team'] } } }),
      this.prisma.blueprintVersion.aggregate({ where: { blueprint: live }, _sum: { sizeBytes: true } }),
      this.prisma.blueprintVersionFile.aggregate({
        where: { version: { blueprint: live } },
        _sum: { sizeBytes: true },
      }),
    ]);
    return {
      blueprints,
      privateBlueprints,
      bytes: Number(versions._sum.sizeBytes ?? 0) + Number(files._sum.sizeBytes ?? 0),
    };
  }

  /**
   * The blueprint, its first version and, when asked, its publication, all or nothing. It returns what the
   * transaction read back, so the caller answers without another query: a read after the commit could fail in an
   * outage and report a committed create as failed.
   */
  async create(
    blueprint: Required<Pick<BlueprintMetadata, 'name' | 'slug' | 'kind' | 'format' | 'tool' | 'tags' | 'license'>> &
      BlueprintMetadata &
      ForkAttribution &
      Ownership & { id: string },
    version: NewVersion,
    publish: PublishedState | null,
    beforeWrite?: BeforeWrite,
  ): Promise<CreatedBlueprint> {
    const created = this.prisma.$transaction(async (tx) => {
      await beforeWrite?.(tx);
      await tx.blueprint.create({
        data: {
          ...blueprint,
          headVersion: 1,
          headContentHash: version.contentHash,
        },
      });
      await tx.blueprintVersion.create({
        data: {
          ...versionData(version),
          blueprintId: blueprint.id,
          number: 1,
          publishedAt: publish ? new Date() : null,
        },
      });
      if (publish) await this.markPublished(tx, blueprint.id, publish);
      const row = await tx.blueprint.findUniqueOrThrow({ where: { id: blueprint.id }, include: BLUEPRINT_VIEW });
      const firstVersion = await tx.blueprintVersion.findUniqueOrThrow({
        where: { blueprintId_number: { blueprintId: blueprint.id, number: 1 } },
        include: { author: AUTHOR },
      });
      const files = await tx.blueprintVersionFile.findMany({
        where: { versionId: firstVersion.id },
        select: FILE_SUMMARY,
        orderBy: { path: 'asc' },
      });
      return { row, version: firstVersion, files };
    });
    return created.catch((error: unknown) => {
      throw uniqueViolation(error, blueprint);
    });
  }

  /**
   * One write: bumps the revision (checked against `expectedRevision` when the client sent If-Match), applies the
   * metadata, appends a version when there is new content and publishes it when asked. Versions are numbered under
   * the row lock the update takes, so concurrent saves never collide.
   */
  async write(
    id: string,
    expectedRevision: number | undefined,
    change: {
      metadata?: BlueprintMetadata;
      version?: NewVersion;
      publish?: (versionNumber: number) => PublishedState | null;
      unpublish?: boolean;
      beforeWrite?: BeforeWrite;
      readable?: ReadableVersionsPlan;
    },
  ): Promise<BlueprintRow> {
    const written = this.prisma.$transaction(async (tx) => {
      await change.beforeWrite?.(tx);
      const { count } = await tx.blueprint.updateMany({
        where: { id, deletedAt: null, ...(expectedRevision === undefined ? {} : { revision: expectedRevision }) },
        data: {
          ...change.metadata,
          revision: { increment: 1 },
          ...(change.version ? { headVersion: { increment: 1 }, headContentHash: change.version.contentHash } : {}),
          ...(change.unpublish ? { publishedVersion: null, publishedHash: null, publishedFindings: 0 } : {}),
        },
      });
      if (count === 0) throw new StaleRevisionError();
      const row = await tx.blueprint.findUniqueOrThrow({ where: { id }, select: { headVersion: true } });
      if (change.version) {
        await tx.blueprintVersion.create({
          data: { ...versionData(change.version), blueprintId: id, number: row.headVersion },
        });
      }
      const published = change.publish?.(row.headVersion);
      if (published) {
        await tx.blueprintVersion.updateMany({
          where: { blueprintId: id, number: published.number, publishedAt: null },
          data: { publishedAt: new Date() },
        });
        await this.markPublished(tx, id, published);
      }
      const now = new Date();
      for (const { number, reason } of change.readable?.withhold ?? []) {
        await tx.blueprintVersion.updateMany({
          where: { blueprintId: id, number },
          data: { withheldAt: now, withheldReason: reason },
        });
      }
      for (const { number, acknowledged } of change.readable?.release ?? []) {
        await tx.blueprintVersion.updateMany({
          where: { blueprintId: id, number },
          data: { withheldAt: null, withheldReason: null, acknowledgedFindings: acknowledged },
        });
      }
      return tx.blueprint.findUniqueOrThrow({ where: { id }, include: BLUEPRINT_VIEW });
    });
    return written.catch((error: unknown) => {
      throw uniqueViolation(error, change.metadata ?? {});
    });
  }

  private async markPublished(tx: Prisma.TransactionClient, id: string, published: PublishedState): Promise<void> {
    const row = await tx.blueprint.findUniqueOrThrow({ where: { id }, select: { firstPublishedAt: true } });
    await tx.blueprint.update({
      where: { id },
      data: {
        publishedVersion: published.number,
        publishedHash: published.contentHash,
        publishedFindings: published.hiddenFindings,
        firstPublishedAt: row.firstPublishedAt ?? new Date(),
      },
    });
  }

  /** Leaves a tombstone: the id, owner and times stay for federation; content and relations go. */
  async softDelete(id: string, expectedRevision: number | undefined): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.blueprint.updateMany({
        where: { id, deletedAt: null, ...(expectedRevision === undefined ? {} : { revision: expectedRevision }) },
        data: {
          deletedAt: new Date(),
          slug: id,
          revision: { increment: 1 },
          publishedVersion: null,
          publishedHash: null,
          publishedFindings: 0,
          hierarchyId: null,
          repositoryPath: null,
          parentId: null,
          description: '',
          tags: [],
        },
      });
      if (count === 0) throw new StaleRevisionError();
      await tx.blueprintVersion.deleteMany({ where: { blueprintId: id } });
      await tx.blueprintFavorite.deleteMany({ where: { blueprintId: id } });
      // Children keep existing; they just lose their parent.
      await tx.blueprint.updateMany({ where: { parentId: id }, data: { parentId: null } });
    });
  }

  async setFavorite(userId: string, blueprintId: string, favorite: boolean): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const changed = favorite
        ? (await tx.blueprintFavorite.createMany({ data: [{ userId, blueprintId }], skipDuplicates: true })).count
        : (await tx.blueprintFavorite.deleteMany({ where: { userId, blueprintId } })).count;
      if (changed) {
        // Raw SQL so that updated_at stays: it marks edits (the owner's list, the federation change feed), and a
        // favourite is not one.
        const rows = await tx.$queryRaw<Array<{ favorite_count: number }>>`
          UPDATE blueprints SET favorite_count = favorite_count + ${favorite ? 1 : -1}
           WHERE id = ${blueprintId} RETURNING favorite_count`;
        return rows[0]?.favorite_count ?? 0;
      }
      const row = await tx.blueprint.findUniqueOrThrow({ where: { id: blueprintId }, select: { favoriteCount: true } });
      return row.favoriteCount;
    });
  }

  async isFavorite(userId: string, blueprintId: string): Promise<boolean> {
    const row = await this.prisma.blueprintFavorite.findUnique({
      where: { userId_blueprintId: { userId, blueprintId } },
      select: { userId: true },
    });
    return row !== null;
  }

  /** Counts the download once per blueprint, visitor and UTC day. */
  async recordDownload(blueprintId: string, visitor: string, day: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.blueprintDownload.createMany({
        data: [{ blueprintId, visitor, day }],
        skipDuplicates: true,
      });
      if (count > 0) {
        // Like favourites: a download is not an edit, so updated_at stays.
        await tx.$executeRaw`UPDATE blueprints SET download_count = download_count + 1 WHERE id = ${blueprintId}`;
      }
    });
  }

  /** Trending = downloads + 3 × favourites over the last 7 days; recomputed for rows whose score changes. */
  async refreshTrendingScores(since: Date): Promise<number> {
    return this.prisma.$executeRaw`
      WITH activity AS (
        SELECT blueprint_id, count(*)::int AS score FROM blueprint_downloads WHERE day >= ${since}::date
         GROUP BY blueprint_id
        UNION ALL
        SELECT blueprint_id, 3 * count(*)::int FROM blueprint_favorites WHERE created_at >= ${since}
         GROUP BY blueprint_id
      ), scores AS (
        SELECT blueprint_id, sum(score)::int AS score FROM activity GROUP BY blueprint_id
      )
      UPDATE blueprints b SET trending_score = coalesce(s.score, 0)
        FROM blueprints b2 LEFT JOIN scores s ON s.blueprint_id = b2.id
       WHERE b.id = b2.id AND b.trending_score IS DISTINCT FROM coalesce(s.score, 0)`;
  }

  async purgeDownloadsBefore(day: Date): Promise<void> {
    await this.prisma.blueprintDownload.deleteMany({ where: { day: { lt: day } } });
  }

  /** An owner's live blueprints, newest change first; `visibilities` narrows them (an organization's Viewers). */
  listOwned(
    owner: Ownership,
    options: {
      limit: number;
      after?: { updatedAt: Date; id: string };
      visibilities?: BlueprintVisibility[];
      listedOnly?: boolean;
    },
  ): Promise<BlueprintRow[]> {
    const { after } = options;
    return this.prisma.blueprint.findMany({
      where: {
        ...ownedBy(owner),
        deletedAt: null,
        ...(options.visibilities ? { visibility: { in: options.visibilities } } : {}),
        ...(options.listedOnly ? { listed: true } : {}),
        ...(after
          ? { OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] }
          : {}),
      },
      include: BLUEPRINT_VIEW,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
    });
  }

  listFavorites(
    userId: string,
    options: { limit: number; after?: { createdAt: Date; blueprintId: string } },
  ): Promise<{ createdAt: Date; blueprint: BlueprintRow }[]> {
    const { after } = options;
    return this.prisma.blueprintFavorite.findMany({
      where: {
        userId,
        blueprint: { deletedAt: null },
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, blueprintId: { lt: after.blueprintId } },
              ],
            }
          : {}),
      },
      select: { createdAt: true, blueprint: { include: BLUEPRINT_VIEW } },
      orderBy: [{ createdAt: 'desc' }, { blueprintId: 'desc' }],
      take: options.limit,
    });
  }

  countListed(): Promise<number> {
    return this.prisma.blueprint.count({ where: { listed: true } });
  }
}

/** The where-clause for "owned by": a user's or an organization's (exactly one is set). */
export function ownedBy(owner: Ownership): { ownerId: string } | { organizationId: string } {
  if (owner.organizationId !== null) return { organizationId: owner.organizationId };
  if (owner.ownerId !== null) return { ownerId: owner.ownerId };
  throw new Error('An owner is a user or an organization');
}
