import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { getFormat, listFormats, normaliseTag } from '@lynxprompt/formats';
import { AccessService } from '../access/access.service';
import { can, type Ownership } from '../access/permissions';
import type { Principal, UserPrincipal } from '../auth/principal';
import type { BlueprintVisibility } from '../generated/prisma/client';
import { OrganizationLookupService } from '../organizations/organization-lookup.service';
import { readableBy, readsAsOwner } from './blueprint-access';
import { BLUEPRINT_KINDS, checkCategory } from './blueprint-rules';
import { catalogSummaryOf, summaryOf } from './blueprint-views';
import {
  InvalidCursorError,
  InvalidLimitError,
  InvalidSearchFilterError,
  UnknownKindError,
  UnknownSortError,
  UnknownToolError,
} from './blueprints.errors';
import { BlueprintsRepository } from './blueprints.repository';
import { editDistanceWithin, typoBudget, withSuggestions } from './catalog-query';
import {
  CatalogRepository,
  type CatalogFilters,
  type CatalogRow,
  type CatalogSort,
  type FilterStatistics,
  type PlannedQuery,
} from './catalog.repository';
import type { BlueprintPage, CatalogFacets, SearchApproximation } from './dto/blueprint-responses.dto';
import type { CatalogQuery } from './dto/blueprint-requests.dto';

export const CATALOG_SORTS: readonly CatalogSort[] = ['relevance', 'newest', 'favorites', 'downloads', 'trending'];
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,3}$/.test(raw)) throw new InvalidLimitError();
  const limit = Number(raw);
  if (limit < 1 || limit > MAX_LIMIT) throw new InvalidLimitError();
  return limit;
}

/** Where a page ended: the sort key of its last row (a tier and downloads for relevance) and that row's id. */
export interface CatalogKey {
  value: number | string;
  tier?: number;
  id: string;
}

/**
 * Opaque keyset cursors, bound to the query they came from: a cursor from another search or sort is refused rather
 * than silently skipping rows.
 */
export function encodeCursor(scope: string, key: CatalogKey): string {
  return Buffer.from(JSON.stringify({ s: scope, v: key.value, t: key.tier, i: key.id })).toString('base64url');
}

/** A cursor's sort value: a count (int4, as the columns) or a timestamp as encodeCursor writes it (years 1–9999). */
export type CursorValue = 'count' | 'timestamp';
const INT4_MAX = 2_147_483_647;
const ISO_TIMESTAMP = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Cursors are not secret (anyone can compute a scope), so everything in one is checked as hostile input: a value
 * PostgreSQL would refuse to cast is INVALID_CURSOR, not a 500.
 */
export function decodeCursor(scope: string, cursor: string | undefined, expected: CursorValue): CatalogKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (cursor.length > 512) throw new Error('too long');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { s: cursorScope, v: value, t: tier, i: id } = parsed;
    const valueOk =
      expected === 'timestamp'
        ? typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))
        : Number.isSafeInteger(value) && Math.abs(value as number) <= INT4_MAX;
    const tierOk = tier === undefined || (Number.isSafeInteger(tier) && Math.abs(tier as number) < 10);
    if (cursorScope !== scope || typeof id !== 'string' || !CURSOR_ID.test(id) || !valueOk || !tierOk) {
      throw new Error('mismatch');
    }
    return { value: value as number | string, id, ...(tier === undefined ? {} : { tier: tier as number }) };
  } catch {
    throw new InvalidCursorError();
  }
}

/**
 * A filter compared with stored values: no control characters (PostgreSQL refuses NUL, and no stored value holds
 * any) and no longer than any stored value, refused with INVALID_SEARCH_FILTER rather than sent.
 */
function filterValue(parameter: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidSearchFilterError(parameter, 'control characters');
  if (value.length > MAX_FILTER_LENGTH) {
    throw new InvalidSearchFilterError(parameter, `longer than ${MAX_FILTER_LENGTH} characters`);
  }
  return value;
}

function scopeOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

/** The first `limit` of `rows` (fetched as limit + 1) and the cursor to the rest, when there is a rest. */
function cut<T>(rows: T[], limit: number, scope: string, keyOf: (row: T) => CatalogKey) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(scope, keyOf(last)) : null };
}

/** The cursor for the page after `row`. */
function keyOf(row: CatalogRow, sort: CatalogSort): CatalogKey {
  if (sort === 'relevance') return { tier: row.tier, value: row.download_count, id: row.id };
  const value = row.sort_value instanceof Date ? row.sort_value.toISOString() : (row.sort_value as number);
  return { value, id: row.id };
}

const ANALYSED_CACHE_SIZE = 1000;
/** A query's analysis carries search statistics, which a scheduled job refreshes: reread them after a minute. */
const ANALYSED_TTL_MS = 60_000;
/** Typo matching corrects at most this many words of a search. */
const MAX_CORRECTED_WORDS = 8;
/** Filter values are compared with stored ones, which are never longer than this. */
const MAX_FILTER_LENGTH = 256;
const MAX_TAG_FILTERS = 20;
/**
 * Facets count up to SEARCH_FACET_SAMPLE_SIZE matches per side (a few milliseconds), so each process keeps a query's counts
 * for a minute: the catalogue's landing page asks the same question on every visit.
 */
const FACETS_TTL_MS = 60_000;

/**
 * The promise `cache` keeps for `key`, or `make()`'s, kept until it fails: concurrent requests for the same answer
 * share one query, and a failed one is asked again next time.
 */
function shared<T>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = make();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

/** A corrected search, and what the response says about it. */
interface Suggestion {
  query: PlannedQuery;
  approximation: SearchApproximation;
}

@Injectable()
export class CatalogService {
  /** websearch_to_tsquery's reading of recent queries, so a repeated search costs one round trip, not two. */
  private readonly analysed = new LRUCache<string, PlannedQuery>({ max: ANALYSED_CACHE_SIZE, ttl: ANALYSED_TTL_MS });
  private readonly facetCache = new LRUCache<string, Promise<CatalogFacets>>({ max: 500, ttl: FACETS_TTL_MS });
  /** Suggestions for a misspelt search, reused for a minute (the vocabulary changes only with the statistics). */
  private readonly suggestionCache = new LRUCache<string, Promise<Suggestion | null>>({ max: 500, ttl: FACETS_TTL_MS });
  /** How common each kind, tool and tag is: what plans weigh filters by (refreshed with the search statistics). */
  private readonly filterStatisticsCache = new LRUCache<string, Promise<FilterStatistics>>({
    max: 1,
    ttl: ANALYSED_TTL_MS,
  });

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly blueprints: BlueprintsRepository,
    private readonly access: AccessService,
    private readonly organizations: OrganizationLookupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(query: CatalogQuery): Promise<BlueprintPage> {
    const filters = this.filters(query);
    const requested = query.sort ?? (filters.q ? 'relevance' : 'newest');
    if (!(CATALOG_SORTS as readonly string[]).includes(requested)) throw new UnknownSortError(requested, CATALOG_SORTS);
    const limit = parseLimit(query.limit);
    const analysed = filters.q ? await this.analyse(filters.q) : undefined;
    // Relevance needs words to rank by; without any (no query, or only exclusions) it is the newest first.
    const sort = requested === 'relevance' && !analysed?.match ? 'newest' : (requested as CatalogSort);
    const scope = scopeOf([sort, filters]);
    const after = decodeCursor(scope, query.cursor, sort === 'newest' ? 'timestamp' : 'count');
    if (after && (sort === 'relevance') !== (after.tier !== undefined)) throw new InvalidCursorError();
    const withFacets = query.facets === 'true';
    const filterStatistics = filters.kind || filters.tool || filters.tags ? await this.filterStatistics() : undefined;
    const read = (search: PlannedQuery | undefined) =>
      Promise.all([
        sort === 'relevance' && search
          ? this.catalog.rank(
              filters,
              search,
              limit + 1,
              after && { tier: after.tier ?? 0, downloads: Number(after.value), id: after.id },
              filterStatistics,
            )
          : this.catalog.search(
              filters,
              search,
              sort === 'relevance' ? 'newest' : sort,
              limit + 1,
              after,
              filterStatistics,
            ),
        withFacets ? this.cachedFacets(filters, search) : Promise.resolve(undefined),
      ]);
    let [rows, facets] = await read(analysed);
    let approximate: SearchApproximation | undefined;
    // Nothing matches the words as typed: search for the suggestion instead, and say so. Results, cursors and facets
    // then all come from the corrected query, so they agree. (An empty later page only means "past the end" when
    // something matches as typed.)
    if (rows.length === 0 && analysed?.words.length && (!after || !(await this.catalog.anyMatch(filters, analysed)))) {
      const suggestion = await this.cachedSuggestion(analysed);
      if (suggestion) {
        const [correctedRows, correctedFacets] = await read(suggestion.query);
        if (correctedRows.length > 0) {
          [rows, facets, approximate] = [correctedRows, correctedFacets, suggestion.approximation];
        }
      }
    }
    const { page, nextCursor } = cut(rows, limit, scope, (row) => keyOf(row, sort));
    return {
      items: page.map((row) => catalogSummaryOf(row, this.config.instance.domain)),
      nextCursor,
      ...(facets ? { facets } : {}),
      ...(approximate ? { approximate } : {}),
    };
  }

  private filterStatistics(): Promise<FilterStatistics> {
    return shared(this.filterStatisticsCache, 'all', () => this.catalog.filterStatistics());
  }

  private async analyse(q: string): Promise<PlannedQuery> {
    const cached = this.analysed.get(q);
    if (cached) return cached;
    const analysed = await this.catalog.analyse(q);
    this.analysed.set(q, analysed);
    return analysed;
  }

  private cachedSuggestion(query: PlannedQuery): Promise<Suggestion | null> {
    return shared(this.suggestionCache, query.text, () => this.suggest(query));
  }

  /**
   * "Did you mean": each word (up to MAX_CORRECTED_WORDS) that is not itself a word of a listed name or tag, replaced
   * by the vocabulary word closest to it within its typo budget (see typoBudget), the most used first on a tie. The
   * trigram index finds candidates; the edit distance decides, so a shared fragment never makes "rust" read "rules".
   * Null when no word has a correction.
   */
  private async suggest(query: PlannedQuery): Promise<Suggestion | null> {
    const words = query.words.slice(0, MAX_CORRECTED_WORDS);
    const near = await this.catalog.vocabularyNear(words);
    const corrections = new Map<string, string>();
    for (const word of words) {
      const candidates = near.filter((candidate) => candidate.typed === word);
      if (candidates.some((candidate) => candidate.word === word)) continue;
      const budget = typoBudget(word);
      const [best] = candidates
        .map((candidate) => ({ ...candidate, distance: editDistanceWithin(word, candidate.word, budget) }))
        .filter(({ distance }) => distance <= budget)
        .sort((a, b) => a.distance - b.distance || b.docs - a.docs || a.word.localeCompare(b.word));
      if (best) corrections.set(word, best.word);
    }
    if (corrections.size === 0) return null;
    const text = withSuggestions(query.text, corrections);
    return {
      query: await this.analyse(text),
      approximation: {
        query: text,
        corrections: [...corrections].map(([word, suggestion]) => ({ word, suggestion })),
      },
    };
  }

  /** Listed blueprints: what the manifest advertises to peers. */
  countListed(): Promise<number> {
    return this.blueprints.countListed();
  }

  /** The caller's own blueprints, drafts and private ones too. */
  async mine(principal: UserPrincipal, cursor: string | undefined, rawLimit: string | undefined) {
    return this.owned({ ownerId: principal.userId, organizationId: null }, principal, cursor, rawLimit);
  }

  /**
   * An organization's blueprints, as far as the caller may read them: everything for its authors (and its tokens
   * with `blueprints:read`), `team`, unlisted and public ones for Viewers, and only listed ones for anyone else.
   */
  async ofOrganization(
    slug: string,
    principal: Principal | undefined,
    cursor: string | undefined,
    rawLimit: string | undefined,
  ): Promise<BlueprintPage> {
    return this.owned(await this.organizations.asOwner(slug), principal, cursor, rawLimit);
  }

  private async owned(
    owner: Ownership,
    principal: Principal | undefined,
    cursor: string | undefined,
    rawLimit: string | undefined,
  ): Promise<BlueprintPage> {
    const actor = await this.access.actorOf(principal);
    const as = (visibility: string) => can(actor, 'content.read', { type: 'content', ...owner, visibility });
    const visibilities: BlueprintVisibility[] | undefined = can(actor, 'content.read-drafts', {
      type: 'content',
      ...owner,
      visibility: 'private',
    })
      ? undefined
      : as('team')
        ? ['team', 'unlisted', 'public']
        : ['public'];
    const limit = parseLimit(rawLimit);
    const scope = scopeOf(['owned', owner.organizationId ?? owner.ownerId, visibilities ?? 'all']);
    const after = decodeCursor(scope, cursor, 'timestamp');
    const rows = await this.blueprints.listOwned(owner, {
      limit: limit + 1,
      after: after ? { updatedAt: new Date(after.value), id: after.id } : undefined,
      visibilities,
      // Outsiders see what the catalogue lists: public and published.
      listedOnly: visibilities?.length === 1,
    });
    const { page, nextCursor } = cut(rows, limit, scope, (row) => ({ value: row.updatedAt.toISOString(), id: row.id }));
    return { items: page.map((row) => summaryOf(row, this.config.instance.domain, actor)), nextCursor };
  }

  async favorites(
    principal: UserPrincipal,
    cursor: string | undefined,
    rawLimit: string | undefined,
  ): Promise<BlueprintPage> {
    const userId = principal.userId;
    const actor = await this.access.actorOf(principal);
    const limit = parseLimit(rawLimit);
    const scope = scopeOf(['favorites', userId]);
    const after = decodeCursor(scope, cursor, 'timestamp');
    const rows = await this.blueprints.listFavorites(userId, {
      limit: limit + 1,
      after: after ? { createdAt: new Date(after.value), blueprintId: after.id } : undefined,
    });
    const { page, nextCursor } = cut(rows, limit, scope, (row) => ({
      value: row.createdAt.toISOString(),
      id: row.blueprint.id,
    }));
    return {
      // A favourite that has since turned private (or whose team the reader left) is not shown.
      items: page
        .filter(({ blueprint }) => readsAsOwner(blueprint, actor) || readableBy(blueprint, actor))
        .map(({ blueprint }) => summaryOf(blueprint, this.config.instance.domain, actor)),
      nextCursor,
    };
  }

  private filters(query: CatalogQuery): CatalogFilters {
    if (query.kind !== undefined && !(BLUEPRINT_KINDS as readonly string[]).includes(query.kind)) {
      throw new UnknownKindError(query.kind, BLUEPRINT_KINDS);
    }
    if (query.tool !== undefined && !listFormats().some((format) => format.tool === query.tool)) {
      throw new UnknownToolError(query.tool);
    }
    const q = query.q?.trim();
    // Spelt as stored ("Unit Testing" finds unit-testing); one of which nothing is left ('') matches nothing.
    const tags = query.tag?.map((tag) => normaliseTag(filterValue('tag', tag)));
    if (tags && tags.length > MAX_TAG_FILTERS) {
      throw new InvalidSearchFilterError('tag', `at most ${MAX_TAG_FILTERS} tags, not ${tags.length}`);
    }
    return {
      ...(q ? { q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.tool ? { tool: query.tool } : {}),
      ...(query.format ? { format: getFormat(query.format).id } : {}),
      ...(query.category ? { category: checkCategory(query.category) ?? undefined } : {}),
      ...(tags?.length ? { tags: [...new Set(tags)] } : {}),
      ...(query.author ? { author: filterValue('author', query.author) } : {}),
      ...(query.license ? { license: filterValue('license', query.license) } : {}),
      ...this.origin(query.instance === undefined ? undefined : filterValue('instance', query.instance)),
    };
  }

  /** `instance`: our own domain means local blueprints only; any other domain, only that peer's (none if unknown). */
  private origin(instance: string | undefined): Pick<CatalogFilters, 'origin'> {
    const domain = instance?.trim().toLowerCase().replace(/\.$/, '');
    if (!domain) return {};
    return domain === this.config.instance.domain.toLowerCase()
      ? { origin: { local: true } }
      : { origin: { peer: domain } };
  }

  private cachedFacets(filters: CatalogFilters, query: PlannedQuery | undefined): Promise<CatalogFacets> {
    const key = JSON.stringify([filters, query?.match ?? null, query?.exclude ?? null]);
    return shared(this.facetCache, key, () => this.facets(filters, query));
  }

  private async facets(filters: CatalogFilters, query: PlannedQuery | undefined): Promise<CatalogFacets> {
    const { rows, sampled } = await this.catalog.facets(filters, query, this.config.blueprints.facetSampleSize);
    const facets: CatalogFacets = { kind: [], tool: [], category: [], tags: [], license: [] };
    for (const row of rows) {
      facets[row.facet as Exclude<keyof CatalogFacets, 'sample'>].push({ value: row.value, count: row.count });
    }
    for (const list of [facets.kind, facets.tool, facets.category, facets.tags, facets.license]) {
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return sampled === null ? facets : { ...facets, sample: { size: sampled } };
  }
}
