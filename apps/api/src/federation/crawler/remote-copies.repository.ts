import { Injectable } from '@nestjs/common';
import { newPublicId } from '../../blueprints/blueprint-rules';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import type { ScanReport } from '../../scanning';
import type { ScannedCopy } from './remote-scans';
import type { LegacyListing } from './remote-items';

export interface KnownCopy {
  remoteId: string;
  contentHash: string;
  remoteUpdatedAt: Date;
  listingFingerprint: string | null;
}

/** A copy a complete legacy walk did not list. */
export interface UnlistedCopy {
  remoteId: string;
  checkedAt: Date | null;
  listedAt: Date | null;
  remoteUpdatedAt: Date;
}

/** The crawler's writes to `remote_blueprints`: bulk upserts per page, tombstones, and legacy peers' listings. */
@Injectable()
export class RemoteCopiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async known(peerId: string, remoteIds: readonly string[]): Promise<Map<string, KnownCopy>> {
    if (remoteIds.length === 0) return new Map();
    const rows = await this.prisma.remoteBlueprint.findMany({
      where: { peerId, remoteId: { in: [...remoteIds] } },
      select: { remoteId: true, contentHash: true, remoteUpdatedAt: true, listingFingerprint: true },
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
      listing_fingerprint: copy.listingFingerprint,
    }));
    const rows = await this.prisma.$queryRaw<Array<{ inserted: boolean }>>`
      INSERT INTO remote_blueprints AS r (
        id, peer_id, remote_id, name, description, kind, format, tool, category, tags, license, author_handle,
        author_name, remote_version, content, content_hash, size_bytes, canonical_url, raw_url, favorite_count,
        download_count, findings, scan_findings, remote_created_at, remote_updated_at, fetched_at, listed, updated_at,
        listing_fingerprint, checked_at, listed_at)
      SELECT x.id, ${peerId}::uuid, x.remote_id, x.name, x.description, x.kind::"BlueprintKind", x.format, x.tool,
             x.category, ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.license, x.author_handle, x.author_name,
             x.remote_version, x.content, x.content_hash, x.size_bytes, x.canonical_url, x.raw_url,
             x.favorite_count, x.download_count, coalesce(x.findings, 0), x.scan_findings, x.remote_created_at,
             x.remote_updated_at, now(),
             ${listed}, now(), x.listing_fingerprint, now(), now()
        FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(
             id text, remote_id text, name text, description text, kind text, format text, tool text,
             category text, tags jsonb, license text, author_handle text, author_name text, remote_version int,
             content text, content_hash text, size_bytes int, canonical_url text, raw_url text, favorite_count int,
             download_count int, findings int, scan_findings jsonb, remote_created_at timestamptz,
             remote_updated_at timestamptz, listing_fingerprint text)
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
             remote_updated_at = EXCLUDED.remote_updated_at, fetched_at = now(),
             listing_fingerprint = EXCLUDED.listing_fingerprint, checked_at = now(), listed_at = now(),
             updated_at = now()
       WHERE r.content_hash IS DISTINCT FROM EXCLUDED.content_hash
          OR r.remote_updated_at IS DISTINCT FROM EXCLUDED.remote_updated_at
          OR r.name IS DISTINCT FROM EXCLUDED.name
          OR r.description IS DISTINCT FROM EXCLUDED.description
          OR r.kind IS DISTINCT FROM EXCLUDED.kind
          OR r.format IS DISTINCT FROM EXCLUDED.format
          OR r.category IS DISTINCT FROM EXCLUDED.category
          OR r.tags IS DISTINCT FROM EXCLUDED.tags
          OR r.license IS DISTINCT FROM EXCLUDED.license
          OR r.author_name IS DISTINCT FROM EXCLUDED.author_name
          OR r.listing_fingerprint IS DISTINCT FROM EXCLUDED.listing_fingerprint
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

  /**
   * Legacy peers: what their list says of copies we hold, applied without fetching their content: the metadata of
   * copies whose listing is unchanged (or predates fingerprints, which it then adopts), their counters, and when
   * they were listed. A copy whose listing changed is left alone: its content is fetched and stored with it (or tried
   * again next run). Returns how many copies changed in more than their counters.
   */
  async applyListings(peerId: string, listings: readonly LegacyListing[]): Promise<number> {
    if (listings.length === 0) return 0;
    const records = listings.map((listing) => ({
      remote_id: listing.remoteId,
      name: listing.name,
      description: listing.description,
      kind: listing.kind,
      format: listing.format,
      tool: listing.tool,
      category: listing.category,
      tags: listing.tags,
      author_name: listing.authorName,
      favorite_count: listing.favoriteCount,
      download_count: listing.downloadCount,
      listing_fingerprint: listing.listingFingerprint,
    }));
    const rows = await this.prisma.$queryRaw<Array<{ described: boolean }>>`
      WITH x AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(
               remote_id text, name text, description text, kind text, format text, tool text, category text,
               tags jsonb, author_name text, favorite_count int, download_count int, listing_fingerprint text)
      ), changes AS (
        SELECT r.id, x.remote_id,
               (r.name IS DISTINCT FROM x.name
                OR r.description IS DISTINCT FROM x.description
                OR r.kind::text IS DISTINCT FROM x.kind
                OR r.format IS DISTINCT FROM x.format
                OR r.category IS DISTINCT FROM x.category
                OR r.tags IS DISTINCT FROM ARRAY(SELECT jsonb_array_elements_text(x.tags))
                OR r.author_name IS DISTINCT FROM x.author_name) AS described
          FROM remote_blueprints r JOIN x ON x.remote_id = r.remote_id
         WHERE r.peer_id = ${peerId}::uuid
           AND (r.listing_fingerprint IS NULL OR r.listing_fingerprint = x.listing_fingerprint)
      )
      UPDATE remote_blueprints r SET
             name = x.name, description = x.description, kind = x.kind::"BlueprintKind", format = x.format,
             tool = x.tool, category = x.category, tags = ARRAY(SELECT jsonb_array_elements_text(x.tags)),
             author_name = x.author_name, favorite_count = x.favorite_count, download_count = x.download_count,
             listing_fingerprint = x.listing_fingerprint, listed_at = now(), updated_at = now()
        FROM changes JOIN x ON x.remote_id = changes.remote_id
       WHERE r.id = changes.id
         AND (changes.described
              OR r.favorite_count IS DISTINCT FROM x.favorite_count
              OR r.download_count IS DISTINCT FROM x.download_count
              OR r.listing_fingerprint IS DISTINCT FROM x.listing_fingerprint
              -- Kept to the hour: rewriting every listed row on every run would churn the table.
              OR r.listed_at IS NULL OR r.listed_at < now() - interval '1 hour')
      RETURNING changes.described`;
    return rows.filter((row) => row.described).length;
  }

  /** Legacy peers: the copies whose content was checked longest ago, for the per-run refresh budget. */
  async stalest(peerId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await this.prisma.$queryRaw<Array<{ remote_id: string }>>`
      SELECT remote_id FROM remote_blueprints WHERE peer_id = ${peerId}::uuid
       ORDER BY coalesce(checked_at, fetched_at) ASC, remote_id LIMIT ${limit}`;
    return rows.map((row) => row.remote_id);
  }

  /** Legacy peers: these were fetched and found public, their content unchanged. */
  async markChecked(peerId: string, remoteIds: readonly string[]): Promise<void> {
    if (remoteIds.length === 0) return;
    await this.prisma.remoteBlueprint.updateMany({
      where: { peerId, remoteId: { in: [...remoteIds] } },
      data: { checkedAt: new Date() },
    });
  }

  /** Legacy peers: the copies a complete walk did not list. */
  async unlisted(peerId: string, seen: ReadonlySet<string>): Promise<UnlistedCopy[]> {
    const rows = await this.prisma.remoteBlueprint.findMany({
      where: { peerId },
      select: { remoteId: true, checkedAt: true, listedAt: true, remoteUpdatedAt: true },
    });
    return rows.filter((row) => !seen.has(row.remoteId));
  }
}
