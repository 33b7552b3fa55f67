import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';

/** One catalogue entry: an item when `listed`, otherwise a tombstone (only id and updated_at then matter). */
export interface FeedRow {
  id: string;
  listed: boolean;
  name: string;
  description: string;
  kind: string;
  format: string;
  tool: string;
  category: string | null;
  tags: string[];
  license: string;
  author: string | null;
  author_handle: string | null;
  published_version: number | null;
  published_hash: string | null;
  size_bytes: number | null;
  download_count: number;
  favorite_count: number;
  created_at: Date;
  updated_at: Date;
  first_published_at: Date | null;
  /** Only when asked for, and only for rows that may still fit the page's byte budget. */
  content: string | null;
}

/** A position in the feed: after (updatedAt, id), or strictly after updatedAt when there is no id. */
export interface FeedPosition {
  updatedAt: string;
  id?: string;
}

/**
 * Rows changed this recently are not served yet. `updated_at` is stamped before the writing transaction commits, so a
 * change can become visible with a timestamp older than rows a crawler has already passed; holding the newest rows
 * back lets such late commits land before the cursor moves past them (docs/federation.md, section 2.1).
 */
export const HOLD_BACK_SECONDS = 2;

const ITEM_COLUMNS = Prisma.sql`
  b.id, b.listed, b.name, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags, b.license,
  coalesce(o.name, u.display_name) AS author, coalesce(o.slug, u.handle) AS author_handle, b.published_version,
  b.published_hash,
  b.download_count, b.favorite_count, b.created_at, b.updated_at, b.first_published_at`;

@Injectable()
export class FederationCatalogueRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The next `limit` entries after `after` in (change time, id) order: blueprints that were ever listed (an item
   * while listed, a tombstone once not), and the tombstones of such blueprints removed outright (an owner's account
   * deleted). A blueprint never listed never appears: its id was never public, and naming it would reveal it. Content is read only for listed
   * rows whose published content, added up in page order, stays within `contentBudgetBytes` (plus always the first
   * row): the JSON of the rest could not fit the page anyway.
   */
  feed(
    after: FeedPosition | undefined,
    limit: number,
    withContent: boolean,
    contentBudgetBytes: number,
  ): Promise<FeedRow[]> {
    const window = (changedAt: Prisma.Sql, id: Prisma.Sql) => {
      const conditions = [Prisma.sql`${changedAt} <= now() - make_interval(secs => ${HOLD_BACK_SECONDS})`];
      if (after?.id !== undefined) {
        conditions.push(Prisma.sql`(${changedAt}, ${id}) > (${after.updatedAt}::timestamptz, ${after.id})`);
      } else if (after) {
        conditions.push(Prisma.sql`${changedAt} > ${after.updatedAt}::timestamptz`);
      }
      return conditions;
    };
    const live = [Prisma.sql`b0.first_listed_at IS NOT NULL`, ...window(Prisma.sql`b0.updated_at`, Prisma.sql`b0.id`)];
    const removed = window(Prisma.sql`t.deleted_at`, Prisma.sql`t.id`);
    return this.prisma.$queryRaw<FeedRow[]>`
      SELECT p.id, p.listed, p.name, p.description, p.kind, p.format, p.tool, p.category, p.tags, p.license,
             p.author, p.author_handle, p.published_version, p.published_hash, p.size_bytes, p.download_count,
             p.favorite_count, p.created_at, p.updated_at, p.first_published_at,
             CASE WHEN ${withContent} AND p.listed AND (p.running <= ${contentBudgetBytes} OR p.position = 1)
                  THEN (SELECT v.content FROM blueprint_versions v
                         WHERE v.blueprint_id = p.id AND v.number = p.published_version)
             END AS content
        FROM (
          SELECT page.id, coalesce(b.listed, false) AS listed, b.name, b.description, b.kind::text AS kind,
                 b.format, b.tool, b.category, b.tags, b.license, coalesce(o.name, u.display_name) AS author,
                 coalesce(o.slug, u.handle) AS author_handle, b.published_version, b.published_hash, b.download_count,
                 b.favorite_count, b.created_at, page.changed_at AS updated_at, b.first_published_at, v.size_bytes,
                 sum(coalesce(v.size_bytes, 0)) OVER w AS running,
                 row_number() OVER w AS position
            FROM (SELECT id, changed_at FROM (
                    (SELECT b0.id, b0.updated_at AS changed_at FROM blueprints b0
                      WHERE ${Prisma.join(live, ' AND ')}
                      ORDER BY b0.updated_at, b0.id LIMIT ${limit})
                    UNION ALL
                    (SELECT t.id, t.deleted_at FROM blueprint_tombstones t
                      WHERE ${Prisma.join(removed, ' AND ')}
                      ORDER BY t.deleted_at, t.id LIMIT ${limit})
                  ) entries
                  ORDER BY changed_at, id LIMIT ${limit}) page
            LEFT JOIN blueprints b ON b.id = page.id
            LEFT JOIN users u ON u.id = b.owner_id
            LEFT JOIN organizations o ON o.id = b.organization_id
            LEFT JOIN blueprint_versions v
                   ON b.listed AND v.blueprint_id = b.id AND v.number = b.published_version
          WINDOW w AS (ORDER BY page.changed_at, page.id)
        ) p
       ORDER BY p.updated_at, p.id`;
  }

  /** Listed blueprints by downloads, the reference product's order (offset mode). */
  byDownloads(offset: number, limit: number): Promise<FeedRow[]> {
    return this.prisma.$queryRaw<FeedRow[]>`
      SELECT ${ITEM_COLUMNS}, v.size_bytes, NULL::text AS content
        FROM blueprints b
        LEFT JOIN users u ON u.id = b.owner_id
        LEFT JOIN organizations o ON o.id = b.organization_id
        JOIN blueprint_versions v ON v.blueprint_id = b.id AND v.number = b.published_version
       WHERE b.listed
       ORDER BY b.download_count DESC, b.id DESC
       LIMIT ${limit} OFFSET ${offset}`;
  }

  async countListed(): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM blueprints WHERE listed`;
    return rows[0]?.count ?? 0;
  }
}
