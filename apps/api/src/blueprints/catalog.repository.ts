import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { analyse, sanitiseSearchText, type AnalysedQuery } from './catalog-query';

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

type Side = 'local' | 'remote';

/** pg_trgm word similarity a name needs to be read for typo corrections; the edit distance then decides. */
const TYPO_CANDIDATE_SIMILARITY = 0.25;

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

const TABLE_NAME: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`blueprints`,
  remote: Prisma.sql`remote_blueprints`,
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
 * only in the content; within a tier, the most downloaded first. Exclusions apply to every tier alike. A search
 * that matches nothing is retried with its typos corrected to words of names (see CatalogService), through the same
 * tiers. Each tier is its own index-backed query for what the page still lacks, run in order, so a common word stops after
 * the first tier instead of ranking tens of thousands of matches (and never reads the large content vectors of rows it
 * does not return).
 */
@Injectable()
export class CatalogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * websearch_to_tsquery's reading of the user's words, split into what must match and what must not. The text is
   * sanitised first, so no input makes PostgreSQL fail (see sanitiseSearchText).
   */
  async analyse(q: string): Promise<AnalysedQuery> {
    const text = sanitiseSearchText(q);
    if (!text) return analyse(q, '');
    const rows = await this.prisma.$queryRaw<{ query: string }[]>`
      SELECT websearch_to_tsquery('english', ${text})::text AS query`;
    return analyse(q, rows[0]?.query ?? '');
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

  /**
   * What a search matches: its words anywhere (name, tags, description or content) and none of its exclusions
   * anywhere. The non-relevance sorts, the facets and every relevance tier filter by exactly this, so they agree.
   */
  private matches(side: Side, query: AnalysedQuery | undefined): Prisma.Sql[] {
    if (!query) return [];
    // Only stop words or punctuation: nothing to look for.
    if (!query.match && !query.exclude) return [Prisma.sql`false`];
    const match = Prisma.sql`${query.match}::tsquery`;
    return [
      ...(query.match ? [Prisma.sql`(b.meta_vector @@ ${match} OR b.content_vector @@ ${match})`] : []),
      ...this.exclusions(side, query),
    ];
  }

  /**
   * None of the excluded words or phrases anywhere. The content side is an anti-join, so the planner may answer it from
   * the content vectors' GIN index (a hash of the few rows that contain the word) instead of reading every candidate's
   * large vector: counting facets for `-python` took a quarter of the time that way.
   */
  private exclusions(side: Side, query: AnalysedQuery): Prisma.Sql[] {
    if (!query.exclude) return [];
    const exclude = Prisma.sql`${query.exclude}::tsquery`;
    return [
      Prisma.sql`(b.meta_vector @@ ${exclude}) IS NOT TRUE`,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM ${TABLE_NAME[side]} x WHERE x.id = b.id AND x.content_vector @@ ${exclude})`,
    ];
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
    query: AnalysedQuery | undefined,
    sort: OrderedSort,
    limit: number,
    after: { value: number | string; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const parts = this.sides(filters).map((side) => {
      const column = SORT_COLUMN[side][sort];
      const conditions = [...this.filterConditions(side, filters), ...this.matches(side, query)];
      if (after) conditions.push(Prisma.sql`(${column}, b.id) < (${after.value}${SORT_CAST[sort]}, ${after.id})`);
      return this.sideQuery(side, conditions, 0, column, limit);
    });
    return this.merged(parts, limit);
  }

  /** Relevance for a query with words to match (`query.match`), in tiers; see the class comment. */
  async rank(
    filters: CatalogFilters,
    query: AnalysedQuery,
    limit: number,
    after: { tier: number; downloads: number; id: string } | undefined,
  ): Promise<CatalogRow[]> {
    const sides = this.sides(filters);
    const any = Prisma.sql`${query.match}::tsquery`;
    const name = Prisma.sql`${query.name}::tsquery`;
    const nameOrTags = Prisma.sql`${query.nameOrTags}::tsquery`;
    const tiers: Array<[number, Prisma.Sql]> = [
      [3, Prisma.sql`b.meta_vector @@ ${name}`],
      [2, Prisma.sql`b.meta_vector @@ ${nameOrTags} AND NOT b.meta_vector @@ ${name}`],
      [1, Prisma.sql`b.meta_vector @@ ${any} AND NOT b.meta_vector @@ ${nameOrTags}`],
      [0, Prisma.sql`b.content_vector @@ ${any} AND NOT b.meta_vector @@ ${any}`],
    ];

    // One small query per tier, best tier first, until the page is full: a common word is answered by the first
    // query alone, and each plans in well under a millisecond (one query joining all four took 5 ms to plan).
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
          [...this.filterConditions(side, filters), match, ...this.exclusions(side, query), ...keyset],
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

  /** Whether anything at all matches (filters and query): typo matching is tried only when nothing does. */
  async anyMatch(filters: CatalogFilters, query: AnalysedQuery): Promise<boolean> {
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`
        SELECT 1 FROM ${TABLE[side]}
         WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.matches(side, query)], ' AND ')}`,
    );
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (${Prisma.join(parts, ' UNION ALL ')}) AS found`;
    return rows[0]?.found === true;
  }

  /**
   * The name words (as lexemes) of up to `limit` blueprints per side whose names look like one of `words`: the
   * trigram index finds names holding a similar stretch of text (pg_trgm word similarity of at least
   * TYPO_CANDIDATE_SIMILARITY, deliberately loose), and the caller keeps only the words within a few edits. Filters and exclusions apply as to the results.
   */
  async nameLexemesNear(
    filters: CatalogFilters,
    query: AnalysedQuery,
    words: string[],
    limit: number,
  ): Promise<string[]> {
    if (words.length === 0) return [];
    const near = Prisma.join(
      words.map((word) => Prisma.sql`${word} <% b.name`),
      ' OR ',
    );
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`(
        SELECT b.meta_vector FROM ${TABLE[side]}
         WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.exclusions(side, query), Prisma.sql`(${near})`], ' AND ')}
         LIMIT ${limit})`,
    );
    // The threshold is lowered for this one query (SET LOCAL, inside its transaction): a swapped pair of letters in a
    // six-letter word ("pyhton") keeps only 2 of its 7 trigrams.
    const [, rows] = await this.prisma.$transaction([
      this.prisma.$queryRaw`
        SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_CANDIDATE_SIMILARITY)}, true)`,
      this.prisma.$queryRaw<{ lexeme: string }[]>`
        SELECT DISTINCT lexeme
          FROM (${Prisma.join(parts, ' UNION ALL ')}) AS near_names,
               unnest(tsvector_to_array(ts_filter(near_names.meta_vector, '{a}'))) AS lexeme`,
    ]);
    return rows.map((row) => row.lexeme);
  }

  /** Counts per kind, tool, category, licence and (top 30) tag over everything the filters match. */
  facets(filters: CatalogFilters, query: AnalysedQuery | undefined): Promise<FacetRow[]> {
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`
        SELECT b.kind::text AS kind, b.tool, b.category, b.license, b.tags FROM ${TABLE[side]}
         WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.matches(side, query)], ' AND ')}`,
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
