import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { analyse, sanitiseSearchText, type AnalysedQuery } from './catalog-query';
import {
  anywherePlan,
  RELEVANCE_TIERS,
  statisticsKey,
  tierPlan,
  type Plan,
  type SideStatistics,
  type TierShape,
  type VectorField,
} from './catalog-plan';

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
  /** Null only for a remote copy whose peer publishes none. */
  description: string | null;
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
  owner_kind: 'user' | 'organization';
  owner_handle: string;
  owner_display_name: string;
  owner_avatar_url: string | null;
  fork_id: string | null;
  fork_name: string | null;
  fork_owner_kind: 'user' | 'organization' | null;
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
  /** Remote rows: the peer's verified origin and the author's handle as published (null if none); null locally. */
  origin_base_url: string | null;
  author_handle: string | null;
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

export type Side = 'local' | 'remote';

// Both sides alias their table `b`, so filters, matches and tiers are written once. Column lists match by position.
const SELECT_SUMMARY: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`
  b.id, b.name, b.slug, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags,
  b.license, b.visibility::text AS visibility, b.favorite_count, b.download_count, b.published_version,
  b.head_version, b.published_findings, b.created_at, b.updated_at, b.first_published_at,
  CASE WHEN o.id IS NULL THEN 'user' ELSE 'organization' END AS owner_kind,
  coalesce(o.slug, u.handle) AS owner_handle, coalesce(o.name, u.display_name) AS owner_display_name,
  coalesce(o.avatar_url, u.avatar_url) AS owner_avatar_url,
  f.id AS fork_id, f.name AS fork_name,
  CASE WHEN f.id IS NULL THEN NULL WHEN fo.id IS NULL THEN 'user' ELSE 'organization' END AS fork_owner_kind,
  coalesce(fo.slug, fu.handle) AS fork_owner_handle, coalesce(fo.name, fu.display_name) AS fork_owner_display_name,
  coalesce(fo.avatar_url, fu.avatar_url) AS fork_owner_avatar_url,
  b.forked_from_url AS fork_remote_url, fr.id AS fork_remote_id, fr.name AS fork_remote_name,
  NULL::text AS origin_domain, NULL::text AS canonical_url, NULL::boolean AS signed,
  NULL::text AS origin_base_url, NULL::text AS author_handle`,
  remote: Prisma.sql`
  b.id, b.name, ''::text AS slug, b.description, b.kind::text AS kind, b.format, b.tool, b.category, b.tags,
  b.license, 'public'::text AS visibility, b.favorite_count, b.download_count, b.remote_version AS published_version,
  coalesce(b.remote_version, 1) AS head_version, b.findings AS published_findings, b.remote_created_at AS created_at,
  b.remote_updated_at AS updated_at, b.remote_created_at AS first_published_at,
  'user'::text AS owner_kind, coalesce(b.author_handle, b.author_name) AS owner_handle,
  b.author_name AS owner_display_name, NULL::text AS owner_avatar_url, NULL::text AS fork_id,
  NULL::text AS fork_name, NULL::text AS fork_owner_kind, NULL::text AS fork_owner_handle,
  NULL::text AS fork_owner_display_name, NULL::text AS fork_owner_avatar_url,
  NULL::text AS fork_remote_url, NULL::text AS fork_remote_id, NULL::text AS fork_remote_name,
  p.domain AS origin_domain, b.canonical_url, p.signed, p.base_url AS origin_base_url, b.author_handle`,
};

const FROM: Record<Side, Prisma.Sql> = {
  local: Prisma.sql`blueprints b
  LEFT JOIN users u ON u.id = b.owner_id
  LEFT JOIN organizations o ON o.id = b.organization_id
  LEFT JOIN blueprints f ON f.id = b.forked_from_id AND f.listed
  LEFT JOIN users fu ON fu.id = f.owner_id
  LEFT JOIN organizations fo ON fo.id = f.organization_id
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

/** A search as PostgreSQL read it, with what our statistics know of its words on each side. */
export interface PlannedQuery extends AnalysedQuery {
  statistics: Record<Side, SideStatistics>;
}

/** Listed blueprints per statisticsKey (total, kind, tool, tag), per side. */
export type FilterStatistics = Record<Side, Map<string, number>>;

/**
 * The share of a side's listed blueprints that pass the kind, tool and tag filters, as if independent; 1 when the
 * statistics have never been taken.
 */
export function filterShareOf(filters: CatalogFilters, statistics: Map<string, number>): number {
  const total = statistics.get(statisticsKey('total', '')) ?? 0;
  if (total === 0) return 1;
  const values = [
    ...(filters.kind ? [statisticsKey('kind', filters.kind)] : []),
    ...(filters.tool ? [statisticsKey('tool', filters.tool)] : []),
    ...(filters.tags ?? []).map((tag) => statisticsKey('tag', tag)),
  ];
  return values.reduce((share, key) => share * ((statistics.get(key) ?? 0) / total), 1);
}

/** One side's rows of one tier, and how to find them (see catalog-plan.ts). */
interface Part {
  side: Side;
  /** The relevance tier of its rows: a constant, or computed per row for a run of collected tiers. */
  tier: Prisma.Sql;
  /** Cheap conditions on the row's own columns (filters, cursor), tested while walking the sort order. */
  filters: Prisma.Sql[];
  /** The words: tested on the rows the filters let through, or used to find them through the GIN indexes. */
  match: Prisma.Sql[];
  plan: Plan;
}

const SUGGESTIONS_PER_WORD = 30;

/** The column of each vector a tier matches in. */
const VECTOR_COLUMN: Record<VectorField, string> = {
  name: 'name_vector',
  name_tags: 'name_tags_vector',
  meta: 'meta_vector',
  content: 'content_vector',
};

const VECTOR_FIELDS: readonly VectorField[] = ['name', 'name_tags', 'meta', 'content'];

/**
 * Catalogue search over listed blueprints in PostgreSQL: ours, and other instances' as crawled into
 * remote_blueprints. Everything the caller typed is a bound parameter, never SQL.
 *
 * Relevance is ranked in tiers, best first: a match in the name, then in the tags, then in the description, then
 * only in the content; within a tier, the most downloaded first. Each tier matches through a vector of its own
 * (name_vector, name_tags_vector, meta_vector, content_vector), so its GIN index hands over exactly its candidates.
 * Exclusions apply to every tier alike.
 *
 * How each tier's rows are found is decided per side from search_statistics (see catalog-plan.ts), never left to
 * PostgreSQL's guess: `collect` takes every match through the index and sorts them, `walk` goes down the sort
 * order's index until the page is full. A run of consecutive collected tiers is one statement: one scan per side of
 * the widest of its metadata vectors, each row's tier computed from which vector holds the words, and one of the
 * content; a walked tier has a statement of its own, run only while the page lacks rows. So a common word is answered
 * by one walk of its first tier, a rare one by one statement. Every statement collects its hits (ids, tiers and sort keys only) in a materialised CTE, sorts them, and
 * only then joins the page's rows to their owners and forks.
 *
 * Both sides share one statement; ids never collide (`bp_…` and `rb_…`), so keyset cursors stay exact across both.
 */
@Injectable()
export class CatalogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * websearch_to_tsquery's reading of the user's words, split into what must match and what must not, with the
   * statistics of its words, in one round trip. The text is sanitised first, so no input makes PostgreSQL fail (see
   * sanitiseSearchText). to_tsvector reads the same words as websearch_to_tsquery (and the excluded ones besides).
   */
  async analyse(q: string): Promise<PlannedQuery> {
    const text = sanitiseSearchText(q);
    if (!text) return { ...analyse(q, ''), statistics: { local: NO_STATISTICS, remote: NO_STATISTICS } };
    const rows = await this.prisma.$queryRaw<{ query: string; statistics: [Side, string, string, number][] }[]>`
      SELECT websearch_to_tsquery('english', ${text})::text AS query,
             (SELECT coalesce(json_agg(json_build_array(s.side, s.field, s.value, s.docs)), '[]'::json)
                FROM search_statistics s
               WHERE (s.value = '' AND s.field = 'total')
                  OR (s.value = ANY (tsvector_to_array(to_tsvector('english', ${text})))
                      AND s.field IN ('name', 'name_tags', 'meta', 'content'))) AS statistics`;
    const row = rows[0];
    return { ...analyse(q, row?.query ?? ''), statistics: statisticsBySide(row?.statistics ?? []) };
  }

  /** How many listed blueprints have each kind, tool and tag, per side, as of the last statistics (see filterShareOf). */
  async filterStatistics(): Promise<FilterStatistics> {
    const rows = await this.prisma.$queryRaw<
      { side: Side; field: 'total' | 'kind' | 'tool' | 'tag'; value: string; docs: number }[]
    >`
      SELECT side, field, value, docs FROM search_statistics WHERE field IN ('total', 'kind', 'tool', 'tag')`;
    const statistics: FilterStatistics = { local: new Map(), remote: new Map() };
    for (const row of rows) statistics[row.side]?.set(statisticsKey(row.field, row.value), row.docs);
    return statistics;
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
      // One namespace: the handle is a user's or an organization's, never both.
      const handle = filters.author.toLowerCase();
      conditions.push(
        Prisma.sql`(b.owner_id = (SELECT id FROM users WHERE handle = ${handle})
          OR b.organization_id = (SELECT id FROM organizations WHERE slug = ${handle}))`,
      );
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
   *
   * The exclusions go into each index's query (`matchExcluding`): a match whose excluded word stands in the same
   * vector never leaves the index. So a content match needs no further content check, and a metadata match reads its
   * content vector only when the metadata matched.
   */
  private matches(side: Side, query: AnalysedQuery | undefined): Prisma.Sql[] {
    if (!query) return [];
    // Only stop words or punctuation: nothing to look for.
    if (!query.match && !query.exclude) return [Prisma.sql`false`];
    if (!query.match) return this.exclusions(side, query, false);
    const match = Prisma.sql`${query.matchExcluding}::tsquery`;
    if (!query.exclude) return [Prisma.sql`(b.meta_vector @@ ${match} OR b.content_vector @@ ${match})`];
    const exclude = Prisma.sql`${query.exclude}::tsquery`;
    return [
      Prisma.sql`((b.meta_vector @@ ${match} AND (b.content_vector @@ ${exclude}) IS NOT TRUE)
                  OR b.content_vector @@ ${match})`,
      ...this.exclusions(side, query, true),
    ];
  }

  /**
   * The words in the content and not in the metadata (the content tier, or the content's share of a collected search
   * anywhere). Its own query already excludes from the content, so only the metadata is checked for exclusions.
   */
  private contentOnly(side: Side, query: AnalysedQuery): Prisma.Sql[] {
    return [
      Prisma.sql`b.content_vector @@ ${query.matchExcluding}::tsquery`,
      Prisma.sql`(b.meta_vector @@ ${query.match}::tsquery) IS NOT TRUE`,
      ...this.exclusions(side, query, true),
    ];
  }

  /**
   * None of the excluded words or phrases: in the metadata, and in the content unless `contentChecked` (the match's own
   * query already excluded them there). With words to match, the rows are few and their content vectors are read one
   * by one; a query of only exclusions (`-python`) reads the whole catalogue, so its content check is an anti-join the
   * planner may answer from the GIN index (a hash of the rows that contain the word): counting facets for `-python`
   * took a quarter of the time that way.
   */
  private exclusions(side: Side, query: AnalysedQuery, contentChecked: boolean): Prisma.Sql[] {
    if (!query.exclude) return [];
    const exclude = Prisma.sql`${query.exclude}::tsquery`;
    const meta = Prisma.sql`(b.meta_vector @@ ${exclude}) IS NOT TRUE`;
    if (contentChecked) return [meta];
    if (query.match) return [meta, Prisma.sql`(b.content_vector @@ ${exclude}) IS NOT TRUE`];
    return [
      meta,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM ${TABLE_NAME[side]} x WHERE x.id = b.id AND x.content_vector @@ ${exclude})`,
    ];
  }

  /**
   * The hits of `parts` (ids and sort keys) as the members of a UNION ALL, with the CTEs they need. A collected part
   * has no order or limit, so PostgreSQL plans it for all its rows: a bitmap over the GIN index. A walked part reads
   * at most `budget` rows of the sort order (the LIMIT inside keeps the words' tests out of the walk itself) and
   * stops once it has `limit` matches; when the budget runs out first, its collect runs instead: a one-time filter on
   * the walk's count decides, so the collect costs nothing when the walk is enough.
   */
  private hitsOf(parts: Part[], sort: OrderedSort | 'relevance', limit: number) {
    const ctes: Prisma.Sql[] = [];
    const members: Prisma.Sql[] = [];
    parts.forEach((part, index) => {
      const column = sort === 'relevance' ? Prisma.sql`b.download_count` : SORT_COLUMN[part.side][sort];
      const cast = sort === 'relevance' ? Prisma.empty : SORT_CAST[sort];
      const select = Prisma.sql`SELECT b.id, ${part.side}::text AS side, ${part.tier} AS tier, ${column}${cast} AS sort_value`;
      const ordered = Prisma.sql`ORDER BY ${column} DESC, b.id DESC`;
      const collect = (extra: Prisma.Sql[] = []) => Prisma.sql`
        ${select} FROM ${TABLE[part.side]}
         WHERE ${Prisma.join([...part.filters, ...part.match, ...extra], ' AND ')}`;
      if (part.plan.form === 'collect') {
        members.push(Prisma.sql`(${collect()})`);
        return;
      }
      if (!Number.isFinite(part.plan.budget) || part.match.length === 0) {
        members.push(Prisma.sql`(${collect()} ${ordered} LIMIT ${limit})`);
        return;
      }
      const walk = Prisma.raw(`walk_${index}`);
      const rest = Prisma.raw(`rest_${index}`);
      const walked = Prisma.sql`(SELECT count(*) FROM ${walk})`;
      ctes.push(
        Prisma.sql`${walk} AS MATERIALIZED (
          ${select}
            FROM (SELECT * FROM ${TABLE[part.side]} WHERE ${Prisma.join(part.filters, ' AND ')}
                   ${ordered} LIMIT ${part.plan.budget}) AS b
           WHERE ${Prisma.join(part.match, ' AND ')}
           ${ordered} LIMIT ${limit})`,
        Prisma.sql`${rest} AS MATERIALIZED (${collect([Prisma.sql`${walked} < ${limit}`])})`,
      );
      members.push(
        Prisma.sql`(SELECT * FROM ${walk} WHERE ${walked} >= ${limit})`,
        Prisma.sql`(SELECT * FROM ${rest})`,
      );
    });
    return { ctes, members };
  }

  /** The best `limit` hits of `parts` by (tier, sort key, id) descending, as catalogue rows. */
  private page(parts: Part[], sort: OrderedSort | 'relevance', limit: number): Promise<CatalogRow[]> {
    const sides = [...new Set(parts.map((part) => part.side))];
    const { ctes, members } = this.hitsOf(parts, sort, limit);
    const rows = sides.map(
      (side) => Prisma.sql`
        SELECT ${SELECT_SUMMARY[side]}, top.tier, top.sort_value
          FROM top JOIN (${FROM[side]}) ON b.id = top.id
         WHERE top.side = ${side}`,
    );
    const definitions = [
      ...ctes,
      Prisma.sql`hits AS MATERIALIZED (${Prisma.join(members, ' UNION ALL ')})`,
      Prisma.sql`top AS (SELECT * FROM hits ORDER BY tier DESC, sort_value DESC, id DESC LIMIT ${limit})`,
    ];
    return this.prisma.$queryRaw<CatalogRow[]>`
      WITH ${Prisma.join(definitions, ', ')}
      ${Prisma.join(rows, ' UNION ALL ')}
       ORDER BY tier DESC, sort_value DESC, id DESC`;
  }

  async search(
    filters: CatalogFilters,
    query: PlannedQuery | undefined,
    sort: OrderedSort,
    limit: number,
    after: { value: number | string; id: string } | undefined,
    filterStatistics?: FilterStatistics,
  ): Promise<CatalogRow[]> {
    const parts = this.sides(filters).flatMap((side): Part[] => {
      const column = SORT_COLUMN[side][sort];
      const filtersOf = this.filterConditions(side, filters);
      if (after) filtersOf.push(Prisma.sql`(${column}, b.id) < (${after.value}${SORT_CAST[sort]}, ${after.id})`);
      const plan = anywherePlan(
        query?.positive ?? null,
        query?.excluded ?? null,
        withFilters(query?.statistics[side] ?? NO_STATISTICS, filters, filterStatistics?.[side]),
        limit,
      );
      const part = { side, tier: Prisma.sql`0`, filters: filtersOf, plan };
      if (plan.form === 'walk' || !query?.match) return [{ ...part, match: this.matches(side, query) }];
      // Collected: the metadata's matches and the content's others, as two scans, each through its own index (an OR
      // of the two lets the planner read every row's content vector instead).
      const own = Prisma.sql`${query.matchExcluding}::tsquery`;
      return [
        { ...part, match: [Prisma.sql`b.meta_vector @@ ${own}`, ...this.exclusions(side, query, false)] },
        { ...part, match: this.contentOnly(side, query) },
      ];
    });
    return this.page(parts, sort, limit);
  }

  /** Relevance for a query with words to match (`query.match`), in tiers; see the class comment. */
  async rank(
    filters: CatalogFilters,
    query: PlannedQuery,
    limit: number,
    after: { tier: number; downloads: number; id: string } | undefined,
    filterStatistics?: FilterStatistics,
  ): Promise<CatalogRow[]> {
    const sides = this.sides(filters);
    const tiers = RELEVANCE_TIERS.filter((shape) => !after || shape.tier <= after.tier);
    const words = Prisma.sql`${query.match}::tsquery`;
    const own = Prisma.sql`${query.matchExcluding}::tsquery`;
    const plans = new Map(
      sides.map((side) => {
        const statistics = withFilters(query.statistics[side], filters, filterStatistics?.[side]);
        return [side, tiers.map((shape) => tierPlan(shape, query.positive, query.excluded, statistics, limit))];
      }),
    );

    // Consecutive tiers that only collect share a statement, as one scan per side whose rows get their tier from
    // which vector holds the words; a tier with a walk has its own statement, run only if the page still lacks rows.
    const runs: TierShape[][] = [];
    tiers.forEach((shape, index) => {
      const collects = sides.every((side) => plans.get(side)![index]!.form === 'collect');
      const previous = runs.at(-1);
      const previousCollects = previous?.every((other) =>
        sides.every((side) => plans.get(side)![tiers.indexOf(other)]!.form === 'collect'),
      );
      if (previous && collects && previousCollects) previous.push(shape);
      else runs.push([shape]);
    });
    const keysetOf = (tier: Prisma.Sql, tiers: TierShape[]) =>
      after && tiers.some((shape) => shape.tier === after.tier)
        ? [Prisma.sql`(${tier}, b.download_count, b.id) < (${after.tier}::int, ${after.downloads}::int, ${after.id})`]
        : [];
    const vector = (shape: TierShape) => Prisma.raw(`b.${VECTOR_COLUMN[shape.field]}`);
    const planOf = (side: Side, shape: TierShape) => plans.get(side)![tiers.indexOf(shape)]!;
    // A run's metadata tiers are one scan of the widest of their vectors (they are nested: name, name and tags, all
    // metadata), each row's tier computed from which vector holds the words; the content tier is a scan of its own in
    // the same statement (an OR of the two indexes would let the planner read every row's content vector instead).
    const statements = runs.map((run) =>
      sides.flatMap((side): Part[] => {
        const parts: Part[] = [];
        const metadata = run.filter((shape) => shape.field !== 'content');
        if (metadata.length > 0) {
          const widest = metadata.at(-1)!;
          const better = RELEVANCE_TIERS.find((shape) => shape.tier === metadata[0]!.tier + 1);
          const tier =
            metadata.length === 1
              ? Prisma.sql`${widest.tier}::int`
              : Prisma.sql`(CASE ${Prisma.join(
                  metadata
                    .slice(0, -1)
                    .map((shape) => Prisma.sql`WHEN ${vector(shape)} @@ ${words} THEN ${shape.tier}::int`),
                  ' ',
                )} ELSE ${widest.tier}::int END)`;
          parts.push({
            side,
            tier,
            filters: [...this.filterConditions(side, filters), ...keysetOf(tier, metadata)],
            match: [
              Prisma.sql`${vector(widest)} @@ ${own}`,
              ...this.exclusions(side, query, false),
              // Rows of a better tier outside this run are that tier's; the nested vectors make its vector enough.
              ...(better ? [Prisma.sql`(${vector(better)} @@ ${words}) IS NOT TRUE`] : []),
            ],
            plan: planOf(side, widest),
          });
        }
        const content = run.find((shape) => shape.field === 'content');
        if (content) {
          const tier = Prisma.sql`${content.tier}::int`;
          parts.push({
            side,
            tier,
            filters: [...this.filterConditions(side, filters), ...keysetOf(tier, [content])],
            match: this.contentOnly(side, query),
            plan: planOf(side, content),
          });
        }
        return parts;
      }),
    );
    const rows: CatalogRow[] = [];
    for (const parts of statements) {
      rows.push(...(await this.page(parts, 'relevance', limit - rows.length)));
      if (rows.length >= limit) break;
    }
    return rows;
  }

  /**
   * Whether anything at all matches (filters and query): typo matching is tried only when nothing does. The hits
   * are a materialised CTE, planned for all its rows (a bitmap), and read only up to the first.
   */
  async anyMatch(filters: CatalogFilters, query: AnalysedQuery): Promise<boolean> {
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`
        (SELECT 1 FROM ${TABLE[side]}
          WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.matches(side, query)], ' AND ')})`,
    );
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      WITH hits AS MATERIALIZED (${Prisma.join(parts, ' UNION ALL ')})
      SELECT EXISTS (SELECT 1 FROM hits) AS found`;
    return rows[0]?.found === true;
  }

  /**
   * Vocabulary words (names and tags as written) that look like each of `words`: pg_trgm similarity of at least 0.2
   * (deliberately loose; the caller keeps only words within a few edits), with the number of listed blueprints using
   * each.
   */
  async vocabularyNear(words: string[]): Promise<{ typed: string; word: string; docs: number }[]> {
    if (words.length === 0) return [];
    // `%` reads pg_trgm.similarity_threshold, lowered for every session (see SESSION_SETTINGS).
    return this.prisma.$queryRaw<{ typed: string; word: string; docs: number }[]>`
      SELECT t.typed, v.word, v.docs
        FROM unnest(${words}::text[]) AS t(typed)
        CROSS JOIN LATERAL (
          SELECT word, docs FROM search_vocabulary
           WHERE word % t.typed
           ORDER BY similarity(word, t.typed) DESC, docs DESC, word
           LIMIT ${SUGGESTIONS_PER_WORD}) AS v`;
  }

  /**
   * Counts per kind, tool, category, licence and (top 30) tag over what the filters and query match: over all of it
   * up to `sampleSize` rows per side, and over that many of them past it (`sampled`). With words to match, the
   * rows come through the GIN indexes (SET LOCAL forbids the scans that would read every row's content vector), so
   * a common word costs the sample, not its tens of thousands of matches.
   */
  async facets(
    filters: CatalogFilters,
    query: AnalysedQuery | undefined,
    sampleSize: number,
  ): Promise<{ rows: FacetRow[]; sampled: number | null }> {
    const parts = this.sides(filters).map(
      (side) => Prisma.sql`
        (SELECT ${side}::text AS side, b.kind::text AS kind, b.tool, b.category, b.license, b.tags FROM ${TABLE[side]}
          WHERE ${Prisma.join([...this.filterConditions(side, filters), ...this.matches(side, query)], ' AND ')}
          LIMIT ${sampleSize})`,
    );
    const count = this.prisma.$queryRaw<(FacetRow & { matched: number; largest_side: number })[]>`
      WITH matched AS MATERIALIZED (${Prisma.join(parts, ' UNION ALL ')}),
           counted AS (
             SELECT 'kind' AS facet, kind AS value, count(*)::int AS count FROM matched GROUP BY kind
             UNION ALL SELECT 'tool', tool, count(*)::int FROM matched GROUP BY tool
             UNION ALL SELECT 'category', category, count(*)::int FROM matched WHERE category IS NOT NULL GROUP BY category
             UNION ALL SELECT 'license', license, count(*)::int FROM matched GROUP BY license
             UNION ALL (SELECT 'tags', tag, count(*)::int FROM matched, unnest(tags) AS tag
                         GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 30))
      SELECT counted.*, (SELECT count(*)::int FROM matched) AS matched,
             (SELECT max(n)::int FROM (SELECT count(*) AS n FROM matched GROUP BY side) AS per_side) AS largest_side
        FROM counted`;
    let rows: (FacetRow & { matched: number; largest_side: number })[];
    if (query?.match) {
      const [, , counted] = await this.prisma.$transaction([
        this.prisma.$queryRaw`SELECT set_config('enable_seqscan', 'off', true)`,
        this.prisma.$queryRaw`SELECT set_config('enable_indexscan', 'off', true)`,
        count,
      ]);
      rows = counted;
    } else {
      rows = await count;
    }
    // Each side stops at the sample size: reaching it on either means there were more.
    const sampled = (rows[0]?.largest_side ?? 0) >= sampleSize ? (rows[0]?.matched ?? 0) : null;
    return { rows: rows.map(({ facet, value, count: n }) => ({ facet, value, count: n })), sampled };
  }
}

const NO_STATISTICS: SideStatistics = { total: 0, docs: new Map() };

function withFilters(
  statistics: SideStatistics,
  filters: CatalogFilters,
  filterStatistics: Map<string, number> | undefined,
): SideStatistics {
  return filterStatistics ? { ...statistics, filterShare: filterShareOf(filters, filterStatistics) } : statistics;
}

/** search_statistics rows (side, field, value, docs) as the plan reads them. */
function statisticsBySide(rows: [Side, string, string, number][]): Record<Side, SideStatistics> {
  const bySide: Record<Side, { total: number; docs: Map<string, number> }> = {
    local: { total: 0, docs: new Map() },
    remote: { total: 0, docs: new Map() },
  };
  for (const [side, field, value, docs] of rows) {
    const entry = bySide[side];
    if (!entry) continue;
    if (field === 'total') entry.total = docs;
    else if ((VECTOR_FIELDS as readonly string[]).includes(field)) {
      entry.docs.set(statisticsKey(field as VectorField, value), docs);
    }
  }
  return bySide;
}
