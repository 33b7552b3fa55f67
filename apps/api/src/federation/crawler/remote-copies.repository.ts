import { Injectable } from '@nestjs/common';
import { newPublicId } from '../../blueprints/blueprint-rules';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import type { ScanReport } from '../../scanning';
import type { ScannedCopy } from './remote-scans';

export interface KnownCopy {
  remoteId: string;
  contentHash: string;
  remoteUpdatedAt: Date;
}

/** The crawler's writes to `remote_blueprints`: bulk upserts per page, tombstones and the legacy sweep. */
@Injectable()
export class RemoteCopiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async known(peerId: string, remoteIds: readonly string[]): Promise<Map<string, KnownCopy>> {
    if (remoteIds.length === 0) return new Map();
    const rows = await this.prisma.remoteBlueprint.findMany({
      where: { peerId, remoteId: { in: [...remoteIds] } },
      select: { remoteId: true, contentHash: true, remoteUpdatedAt: true },
    });
    return new Map(rows.map((row) => [row.remoteId, row]));
  }

  count(peerId: string): Promise<number> {
    return this.prisma.remoteBlueprint.count({ where: { peerId } });
  }

  /**
   * One statement per page. New rows take `listed` from the peer; existing rows keep theirs (an admin's hide stays),
   * and are rewritten only when something changed, so `updated` counts real changes.
   */
  async upsert(
    peerId: string,
    copies: readonly ScannedCopy[],
    listed: boolean,
  ): Promise<{ added: number; updated: number }> {
    if (copies.length === 0) return { added: 0, updated: 0 };
    const records = copies.map((copy) => ({
      id: newPublicId('rb'),
      remote_id: copy.remoteId,
      name: copy.name,
      description: copy.description,
      kind: copy.kind,
      format: copy.format,
      tool: copy.tool,
      category: copy.category,
      tags: copy.tags,
      license: copy.license,
      author_handle: copy.authorHandle,
      author_name: copy.authorName,
      remote_version: copy.remoteVersion,
      content: copy.content,
      content_hash: copy.contentHash,
      size_bytes: copy.sizeBytes,
      canonical_url: copy.canonicalUrl,
      raw_url: copy.rawUrl,
      favorite_count: copy.favoriteCount,
      download_count: copy.downloadCount,
      // Unchanged content keeps its stored scan (null here, coalesced below).
      findings: copy.scan?.hiddenInstructions ?? null,
      // The report (capped list, exact totals), as for a version: read back by storedScanReport.
      scan_findings: copy.scan ?? null,
      remote_created_at: copy.remoteCreatedAt.toISOString(),
      remote_updated_at: copy.remoteUpdatedAt.toISOString(),
    }));
    const rows = await this.prisma.$queryRaw<Array<{ inserted: boolean }>>`
      INSERT INTO remote_blueprints AS r (
        id, peer_id, remote_id, name, description, kind, format, tool, category, tags, license, author_handle,
        author_name, remote_version, content, content_hash, size_bytes, canonical_url, raw_url, favorite_count,
        download_count, findings, scan_findings, remote_created_at, remote_updated_at, fetched_at, listed, updated_at)
      SELECT x.id, ${peerId}::uuid, x.remote_id, x.name, x.description, x.kind::"BlueprintKind", x.format, x.tool,
             x.category, ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.license, x.author_handle, x.author_name,
             x.remote_version, x.content, x.content_hash, x.size_bytes, x.canonical_url, x.raw_url,
             x.favorite_count, x.download_count, coalesce(x.findings, 0), x.scan_findings, x.remote_created_at,
             x.remote_updated_at, now(),
             ${listed}, now()
        FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(
             id text, remote_id text, name text, description text, kind text, format text, tool text,
             category text, tags jsonb, license text, author_handle text, author_name text, remote_version int,
             content text, content_hash text, size_bytes int, canonical_url text, raw_url text, favorite_count int,
             download_count int, findings int, scan_findings jsonb, remote_created_at timestamptz,
             remote_updated_at timestamptz)
      ON CONFLICT (peer_id, remote_id) DO UPDATE SET
             name = EXCLUDED.name, description = EXCLUDED.description, kind = EXCLUDED.kind,
             format = EXCLUDED.format, tool = EXCLUDED.tool, category = EXCLUDED.category, tags = EXCLUDED.tags,
             license = EXCLUDED.license, author_handle = EXCLUDED.author_handle, author_name = EXCLUDED.author_name,
             remote_version = EXCLUDED.remote_version, content = EXCLUDED.content,
             content_hash = EXCLUDED.content_hash, size_bytes = EXCLUDED.size_bytes,
             canonical_url = EXCLUDED.canonical_url, raw_url = EXCLUDED.raw_url,
             favorite_count = EXCLUDED.favorite_count, download_count = EXCLUDED.download_count,
             findings = CASE WHEN EXCLUDED.scan_findings IS NULL THEN r.findings ELSE EXCLUDED.findings END,
             scan_findings = coalesce(EXCLUDED.scan_findings, r.scan_findings),
             remote_created_at = EXCLUDED.remote_created_at,
             remote_updated_at = EXCLUDED.remote_updated_at, fetched_at = now(), missing_since = NULL,
             updated_at = now()
       WHERE r.content_hash IS DISTINCT FROM EXCLUDED.content_hash
          OR r.remote_updated_at IS DISTINCT FROM EXCLUDED.remote_updated_at
          OR r.name IS DISTINCT FROM EXCLUDED.name
          OR r.description IS DISTINCT FROM EXCLUDED.description
          OR r.tags IS DISTINCT FROM EXCLUDED.tags
          OR r.license IS DISTINCT FROM EXCLUDED.license
          OR r.missing_since IS NOT NULL
      RETURNING (xmax = 0) AS inserted`;
    const added = rows.filter((row) => row.inserted).length;
    return { added, updated: rows.length - added };
  }

  /** Copies stored before their findings were kept (see RemoteScans). */
  unscanned(limit: number): Promise<Array<{ id: string; content: string; contentHash: string }>> {
    return this.prisma.remoteBlueprint.findMany({
      where: { scanFindings: { equals: Prisma.DbNull } },
      select: { id: true, content: true, contentHash: true },
      take: limit,
    });
  }

  /** Stores a scan, unless the content changed meanwhile (the crawler then stored a newer scan). */
  async saveScan(id: string, contentHash: string, report: ScanReport): Promise<void> {
    await this.prisma.remoteBlueprint.updateMany({
      where: { id, contentHash },
      data: { scanFindings: report as unknown as Prisma.InputJsonValue, findings: report.hiddenInstructions },
    });
  }

  async remove(peerId: string, remoteIds: readonly string[]): Promise<number> {
    if (remoteIds.length === 0) return 0;
    const { count } = await this.prisma.remoteBlueprint.deleteMany({
      where: { peerId, remoteId: { in: [...remoteIds] } },
    });
    return count;
  }

  /** Legacy peers' catalogue walk saw these: any earlier "missing" mark is cleared. */
  async markSeen(peerId: string, remoteIds: readonly string[]): Promise<void> {
    if (remoteIds.length === 0) return;
    await this.prisma.remoteBlueprint.updateMany({
      where: { peerId, remoteId: { in: [...remoteIds] }, missingSince: { not: null } },
      data: { missingSince: null },
    });
  }

  /**
   * After a complete legacy walk: copies it did not list are marked missing, and those already missing since an
   * earlier walk are removed (an offset walk can skip an item once while counters change; twice is deliberate).
   */
  async sweepMissing(peerId: string, seen: ReadonlySet<string>, walkStartedAt: Date): Promise<number> {
    const rows = await this.prisma.remoteBlueprint.findMany({
      where: { peerId },
      select: { remoteId: true, missingSince: true },
    });
    const unseen = rows.filter((row) => !seen.has(row.remoteId));
    const gone = unseen.filter((row) => row.missingSince !== null && row.missingSince < walkStartedAt);
    const newlyMissing = unseen.filter((row) => row.missingSince === null);
    if (newlyMissing.length > 0) {
      await this.prisma.remoteBlueprint.updateMany({
        where: { peerId, remoteId: { in: newlyMissing.map((row) => row.remoteId) } },
        data: { missingSince: walkStartedAt },
      });
    }
    return this.remove(
      peerId,
      gone.map((row) => row.remoteId),
    );
  }
}
