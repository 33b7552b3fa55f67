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
  /** A local handle; with `origin: {peer}` an author handle on that peer. Remote rows have no local author. */
  author?: string;
  license?: string;
  /** Only ours, or only one peer's (by its domain); both when absent. */
  origin?: { local: true } | { peer: string };
}

/**
 * One listed blueprint as the catalogue shows it: flat columns, no content. Local and remote rows share the shape;
 * a remote row has `origin_domain`, `canonical_url` and `signed` set (null on local rows), its author's handle (or
 * name) in the owner columns, an empty slug, `remote_version` as published_version, `coalesce(remote_version, 1)`
 * as head_version, its scan findings as published_findings and `remote_created_at` as first_published_at.
 */
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
  /** Local forks of a remote blueprint: the original's URL, and our copy while it is held and not hidden. */
  fork_remote_url: string | null;
  fork_remote_id: string | null;
  fork_remote_name: string | null;
  /** The peer's domain; null for local rows. */
  origin_domain: string | null;
  canonical_url: string | null;
  signed: boolean | null;
  tier: number;
  sort_value: number | Date | string;
}

export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

type OrderedSort = Exclude<CatalogSort, 'relevance'>;

/** Column each non-relevance sort orders by, descending, with the id as tie-breaker; remote rows trend at 0. */
const SORT_COLUMN: Record<'local' | 'remote', Record<OrderedSort, Prisma.Sql>> = {
  local: {
    newest: Prisma.sql`b.first_published_at`,
    favorites: Prisma.sql`b.favorite_count`,
    downloads: Prisma.sql`b.download_count`,
    trending: Prisma.sql`b.trending_score`,
  },
  remote: {
    newest: Prisma.sql`b.remote_created_at`,
    favorites: Prisma.sql`b.favorite_count`,
    downloads: Prisma.sql`b.download_count`,
    // A cast, not a bare 0: ORDER BY 0 would name a column position.
    trending: Prisma.sql`0::int`,
  },
};

const SORT_CAST: Record<OrderedSort, Prisma.Sql> = {
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

type Side = 'local' | 'remote';

// Both sides alias their table `b`, so filters, matches and tiers are written once. Column lists match by position.
const SELECT_SUMMARY: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`
  b.id, b.name, b.slug, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags,
  b.license, b.visibility::text AS visibility, b.favorite_count, b.download_count, b.published_version,
  b.head_version, b.published_findings, b.created_at, b.updated_at, b.first_published_at,
  u.handle AS owner_handle, u.display_name AS owner_display_name, u.avatar_url AS owner_avatar_url,
  f.id AS fork_id, f.name AS fork_name, fu.handle AS fork_owner_handle,
  fu.display_name AS fork_owner_display_name, fu.avatar_url AS fork_owner_avatar_url,
  b.forked_from_url AS fork_remote_url, fr.id AS fork_remote_id, fr.name AS fork_remote_name,
  NULL::text AS origin_domain, NULL::text AS canonical_url, NULL::boolean AS signed`,
  remote: Prisma.sql`
  b.id, b.name, ''::text AS slug, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags,
  b.license, 'public'::text AS visibility, b.favorite_count, b.download_count, b.remote_version AS published_version,
  coalesce(b.remote_version, 1) AS head_version, b.findings AS published_findings, b.remote_created_at AS created_at,
  b.remote_updated_at AS updated_at, b.remote_created_at AS first_published_at,
  coalesce(b.author_handle, b.author_name) AS owner_handle, b.author_name AS owner_display_name,
  NULL::text AS owner_avatar_url, NULL::text AS fork_id, NULL::text AS fork_name, NULL::text AS fork_owner_handle,
  NULL::text AS fork_owner_display_name, NULL::text AS fork_owner_avatar_url,
  NULL::text AS fork_remote_url, NULL::text AS fork_remote_id, NULL::text AS fork_remote_name,
  p.domain AS origin_domain, b.canonical_url, p.signed`,
};

const FROM: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`blueprints b
  JOIN users u ON u.id = b.owner_id
  LEFT JOIN blueprints f ON f.id = b.forked_from_id AND f.listed
  LEFT JOIN users fu ON fu.id = f.owner_id
  LEFT JOIN remote_blueprints fr ON fr.id = b.forked_from_remote_id AND fr.hidden_at IS NULL`,
  remote: Prisma.sql`remote_blueprints b JOIN peers p ON p.id = b.peer_id`,
};

const TABLE: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`blueprints b`,
  remote: Prisma.sql`remote_blueprints b`,
};

/**
 * Catalogue search over listed blueprints in PostgreSQL: ours, and other instances' as crawled into
 * remote_blueprints. Everything the caller typed is a bound parameter, never SQL.
 *
 * Each side is its own query, filtered, ordered and limited on its own indexes, and the two are merged by the same
 * key (ids never collide: `bp_…` and `rb_…`), so keyset cursors stay exact across both and the local side plans as
 * it did before remote rows existed.
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

  /** The sides the filters can match at all: a peer's domain rules out ours, ours or a local author rules out peers. */
  private sides(filters: CatalogFilters): Side[] {
    const origin = filters.origin;
    if (origin && 'local' in origin) return ['local'];
    if (origin && 'peer' in origin) return ['remote'];
    return filters.author ? ['local'] : ['local', 'remote'];
  }

  private filterConditions(side: Side, filters: CatalogFilters): Prisma.Sql[] {
    const conditions: Prisma.Sql[] = [Prisma.sql`b.listed`];
    if (filters.kind) conditions.push(Prisma.sql`b.kind = ${filters.kind}::"BlueprintKind"`);
    if (filters.tool) conditions.push(Prisma.sql`b.tool = ${filters.tool}`);
    if (filters.format) conditions.push(Prisma.sql`b.format = ${filters.format}`);
    if (filters.category) conditions.push(Prisma.sql`b.category = ${filters.category}`);
    if (filters.license) conditions.push(Prisma.sql`b.license = ${filters.license}`);
    if (filters.tags && filters.tags.length > 0) conditions.push(Prisma.sql`b.tags @> ${filters.tags}::text[]`);
    if (side === 'local' && filters.author) {
      conditions.push(Prisma.sql`b.owner_id = (SELECT id FROM users WHERE handle = ${filters.author.toLowerCase()})`);
    }
    if (side === 'remote' && filters.origin && 'peer' in filters.origin) {
      conditions.push(Prisma.sql`b.peer_id = (SELECT id FROM peers WHERE domain = ${filters.origin.peer})`);
      if (filters.author) conditions.push(Prisma.sql`lower(b.author_handle) = ${filters.author.toLowerCase()}`);
    }
    return conditions;
  }

  /** Exact word matches anywhere (no typo tolerance): what the non-relevance sorts and the facets filter by. */
  private matches(query: NormalisedQuery | undefined): Prisma.Sql[] {
    if (!query) return [];
    if (!query.any) return [Prisma.sql`false`];
    return [Prisma.sql`(b.meta_vector @@ ${query.any}::tsquery OR b.content_vector @@ ${query.any}::tsquery)`];
  }

  /** One side's best `limit` rows by (`column`, id) descending. */
  private sideQuery(side: Side, conditions: Prisma.Sql[], tier: number, column: Prisma.Sql, limit: number): Prisma.Sql {
    return Prisma.sql`
      SELECT ${SELECT_SUMMARY[side]}, ${tier}::int AS tier, ${column} AS sort_value
        FROM ${FROM[side]}
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY ${column} DESC, b.id DESC
       LIMIT ${limit}`;
  }

  /** The sides' queries merged by (sort_value, id) descending: each already holds its best `limit`. */
  private merged(parts: Prisma.Sql[], limit: number): Promise<CatalogRow[]> {
    if (parts.length === 1) return this.prisma.$queryRaw<CatalogRow[]>(parts[0] as Prisma.Sql);
    return this.prisma.$queryRaw<CatalogRow[]>`
      SELECT * FROM (${Prisma.join(
        parts.map((part) => Prisma.sql`(${part})`),
        ' UNION ALL ',
      )}) AS merged
       ORDER BY merged.sort_value DESC, merged.id DESC
       LIMIT ${limit}`;
  }

  async search(
    filters: CatalogFilters,
    query: NormalisedQuery | undefined,
    sort: OrderedSort,
    limit: number,
    after: { value: number | string; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const parts = this.sides(filters).map((side) => {
      const column = SORT_COLUMN[side][sort];
      const conditions = [...this.filterConditions(side, filters), ...this.matches(query)];
      if (after) conditions.push(Prisma.sql`(${column}, b.id) < (${after.value}${SORT_CAST[sort]}, ${after.id})`);
      return this.sideQuery(side, conditions, 0, column, limit);
    });
    return this.merged(parts, limit);
  }

  async rank(
    filters: CatalogFilters,
    query: NormalisedQuery,
    limit: number,
    after: { tier: number; downloads: number; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const sides = this.sides(filters);
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
      const wanted = limit - rows.length;
      const parts = sides.map((side) =>
        this.sideQuery(
          side,
          [...this.filterConditions(side, filters), match, ...keyset],
          tier,
          Prisma.sql`b.download_count`,
          wanted,
        ),
      );
      rows.push(...(await this.merged(parts, wanted)));
      if (rows.length >= limit) break;
    }
    return rows;
  }

  /** Counts per kind, tool, category, licence and (top 30) tag over everything the filters match. */
  facets(filters: CatalogFilters, query: NormalisedQuery | undefined): Promise<FacetRow[]> {
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`
        SELECT b.kind::text AS kind, b.tool, b.category, b.license, b.tags FROM ${TABLE[side]}
         WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.matches(query)], ' AND ')}`,
    );
    return this.prisma.$queryRaw<FacetRow[]>`
      WITH matched AS (${Prisma.join(parts, ' UNION ALL ')})
      SELECT 'kind' AS facet, kind AS value, count(*)::int AS count FROM matched GROUP BY kind
      UNION ALL SELECT 'tool', tool, count(*)::int FROM matched GROUP BY tool
      UNION ALL SELECT 'category', category, count(*)::int FROM matched WHERE category IS NOT NULL GROUP BY category
      UNION ALL SELECT 'license', license, count(*)::int FROM matched GROUP BY license
      UNION ALL (SELECT 'tags', tag, count(*)::int FROM matched, unnest(tags) AS tag
                  GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30)`;
  }
}
