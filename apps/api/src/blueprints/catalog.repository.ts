import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

export type CatalogSort = 'relevance' | 'newest' | 'favorites' | 'downloads' | 'trending';

export interface CatalogFilters {
  q?: string;
  kind?: string;
  tool?: string;
  format?: string;
  category?: string;
  tags?: string[];
  author?: string;
  license?: string;
}

/** One listed blueprint as the catalogue shows it: flat columns, no content. */
export interface CatalogRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  kind: string;
  format: string;
  tool: string;
  category: string | null;
  tags: string[];
  license: string;
  visibility: string;
  favorite_count: number;
  download_count: number;
  published_version: number | null;
  head_version: number;
  published_findings: number;
  created_at: Date;
  updated_at: Date;
  first_published_at: Date | null;
  owner_handle: string;
  owner_display_name: string;
  owner_avatar_url: string | null;
  fork_id: string | null;
  fork_name: string | null;
  fork_owner_handle: string | null;
  fork_owner_display_name: string | null;
  fork_owner_avatar_url: string | null;
  tier: number;
  sort_value: number | Date | string;
}

export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

/** Column each non-relevance sort orders by, descending, with the id as tie-breaker. */
const SORT_COLUMN: Record<Exclude<CatalogSort, 'relevance'>, Prisma.Sql> = {
  newest: Prisma.sql`b.first_published_at`,
  favorites: Prisma.sql`b.favorite_count`,
  downloads: Prisma.sql`b.download_count`,
  trending: Prisma.sql`b.trending_score`,
};

const SORT_CAST: Record<Exclude<CatalogSort, 'relevance'>, Prisma.Sql> = {
  newest: Prisma.sql`::timestamptz`,
  favorites: Prisma.sql`::int`,
  downloads: Prisma.sql`::int`,
  trending: Prisma.sql`::int`,
};

/** A search query as PostgreSQL normalised it, plus the same query restricted to name (A) and name-or-tags (A, B). */
export interface NormalisedQuery {
  text: string;
  any: string;
  name: string;
  nameOrTags: string;
}

const SELECT_SUMMARY = Prisma.sql`
  b.id, b.name, b.slug, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags,
  b.license, b.visibility::text AS visibility, b.favorite_count, b.download_count, b.published_version,
  b.head_version, b.published_findings, b.created_at, b.updated_at, b.first_published_at,
  u.handle AS owner_handle, u.display_name AS owner_display_name, u.avatar_url AS owner_avatar_url,
  f.id AS fork_id, f.name AS fork_name, fu.handle AS fork_owner_handle,
  fu.display_name AS fork_owner_display_name, fu.avatar_url AS fork_owner_avatar_url`;

const JOIN_PEOPLE = Prisma.sql`
  JOIN users u ON u.id = b.owner_id
  LEFT JOIN blueprints f ON f.id = b.forked_from_id AND f.deleted_at IS NULL
        AND f.visibility IN ('public', 'unlisted') AND f.published_version IS NOT NULL
  LEFT JOIN users fu ON fu.id = f.owner_id`;

/**
 * Catalogue search over listed blueprints in PostgreSQL. Everything the caller typed is a bound parameter, never SQL.
 *
 * Relevance is ranked in tiers, best first: a match in the name, then in the tags, then in the description, then
 * only in the content, then a typo-tolerant (trigram) match of the name; within a tier, the most downloaded first.
 * Each tier is its own index-backed query for what the page still lacks, run in order, so a common word stops after
 * the first tier instead of ranking tens of thousands of matches (and never reads the large content vectors of rows it
 * does not return).
 */
@Injectable()
export class CatalogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** websearch_to_tsquery's reading of the user's words, weighted variants derived from it. */
  async normalise(q: string): Promise<NormalisedQuery> {
    const rows = await this.prisma.$queryRaw<{ query: string }[]>`
      SELECT websearch_to_tsquery('english', ${q})::text AS query`;
    const any = rows[0]?.query ?? '';
    const weighted = (weights: string) => any.replace(/'(?:[^']|'')+'/g, (lexeme) => `${lexeme}:${weights}`);
    return { text: q, any, name: weighted('A'), nameOrTags: weighted('AB') };
  }

  private filterConditions(filters: CatalogFilters): Prisma.Sql[] {
    const conditions: Prisma.Sql[] = [Prisma.sql`b.listed`];
    if (filters.kind) conditions.push(Prisma.sql`b.kind = ${filters.kind}::"BlueprintKind"`);
    if (filters.tool) conditions.push(Prisma.sql`b.tool = ${filters.tool}`);
    if (filters.format) conditions.push(Prisma.sql`b.format = ${filters.format}`);
    if (filters.category) conditions.push(Prisma.sql`b.category = ${filters.category}`);
    if (filters.license) conditions.push(Prisma.sql`b.license = ${filters.license}`);
    if (filters.tags && filters.tags.length > 0) conditions.push(Prisma.sql`b.tags @> ${filters.tags}::text[]`);
    if (filters.author) {
      conditions.push(Prisma.sql`b.owner_id = (SELECT id FROM users WHERE handle = ${filters.author.toLowerCase()})`);
    }
    return conditions;
  }

  /** Exact word matches anywhere (no typo tolerance): what the non-relevance sorts and the facets filter by. */
  private matches(query: NormalisedQuery | undefined): Prisma.Sql[] {
    if (!query) return [];
    if (!query.any) return [Prisma.sql`false`];
    return [Prisma.sql`(b.meta_vector @@ ${query.any}::tsquery OR b.content_vector @@ ${query.any}::tsquery)`];
  }

  async search(
    filters: CatalogFilters,
    query: NormalisedQuery | undefined,
    sort: Exclude<CatalogSort, 'relevance'>,
    limit: number,
    after: { value: number | string; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const column = SORT_COLUMN[sort];
    const conditions = [...this.filterConditions(filters), ...this.matches(query)];
    if (after) conditions.push(Prisma.sql`(${column}, b.id) < (${after.value}${SORT_CAST[sort]}, ${after.id})`);
    return this.prisma.$queryRaw<CatalogRow[]>`
      SELECT ${SELECT_SUMMARY}, 0 AS tier, ${column} AS sort_value
        FROM blueprints b ${JOIN_PEOPLE}
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY ${column} DESC, b.id DESC
       LIMIT ${limit}`;
  }

  async rank(
    filters: CatalogFilters,
    query: NormalisedQuery,
    limit: number,
    after: { tier: number; downloads: number; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const base = this.filterConditions(filters);
    const tiers: Array<[number, Prisma.Sql]> = [];
    if (query.any) {
      const any = Prisma.sql`${query.any}::tsquery`;
      const name = Prisma.sql`${query.name}::tsquery`;
      const nameOrTags = Prisma.sql`${query.nameOrTags}::tsquery`;
      tiers.push(
        [3, Prisma.sql`b.meta_vector @@ ${name}`],
        [2, Prisma.sql`b.meta_vector @@ ${nameOrTags} AND NOT b.meta_vector @@ ${name}`],
        [1, Prisma.sql`b.meta_vector @@ ${any} AND NOT b.meta_vector @@ ${nameOrTags}`],
        [0, Prisma.sql`b.content_vector @@ ${any} AND NOT b.meta_vector @@ ${any}`],
        [-1, Prisma.sql`${query.text} <% b.name AND NOT b.meta_vector @@ ${any} AND NOT b.content_vector @@ ${any}`],
      );
    } else {
      // Only stop words or operators: nothing to match as words, names may still match as text.
      tiers.push([-1, Prisma.sql`${query.text} <% b.name`]);
    }
    // One small query per tier, best tier first, until the page is full: a common word is answered by the first
    // query alone, and each plans in well under a millisecond (one query joining all five took 5 ms to plan).
    const rows: CatalogRow[] = [];
    for (const [tier, match] of tiers) {
      if (after && tier > after.tier) continue;
      const keyset =
        after && tier === after.tier
          ? [Prisma.sql`(b.download_count, b.id) < (${after.downloads}::int, ${after.id})`]
          : [];
      rows.push(
        ...(await this.prisma.$queryRaw<CatalogRow[]>`
          SELECT ${SELECT_SUMMARY}, ${tier}::int AS tier, b.download_count AS sort_value
            FROM blueprints b ${JOIN_PEOPLE}
           WHERE ${Prisma.join([...base, match, ...keyset], ' AND ')}
           ORDER BY b.download_count DESC, b.id DESC
           LIMIT ${limit - rows.length}`),
      );
      if (rows.length >= limit) break;
    }
    return rows;
  }

  /** Counts per kind, tool, category, licence and (top 30) tag over everything the filters match. */
  facets(filters: CatalogFilters, query: NormalisedQuery | undefined): Promise<FacetRow[]> {
    const conditions = [...this.filterConditions(filters), ...this.matches(query)];
    return this.prisma.$queryRaw<FacetRow[]>`
      WITH matched AS (SELECT b.kind::text AS kind, b.tool, b.category, b.license, b.tags
                         FROM blueprints b WHERE ${Prisma.join(conditions, ' AND ')})
      SELECT 'kind' AS facet, kind AS value, count(*)::int AS count FROM matched GROUP BY kind
      UNION ALL SELECT 'tool', tool, count(*)::int FROM matched GROUP BY tool
      UNION ALL SELECT 'category', category, count(*)::int FROM matched WHERE category IS NOT NULL GROUP BY category
      UNION ALL SELECT 'license', license, count(*)::int FROM matched GROUP BY license
      UNION ALL (SELECT 'tags', tag, count(*)::int FROM matched, unnest(tags) AS tag
                  GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30)`;
  }
}
