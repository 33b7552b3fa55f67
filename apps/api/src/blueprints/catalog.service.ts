import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { getFormat, listFormats } from '../formats';
import { readableByOthers } from './blueprint-access';
import { BLUEPRINT_KINDS, checkCategory } from './blueprint-rules';
import { catalogSummaryOf, summaryOf } from './blueprint-views';
import {
  InvalidCursorError,
  InvalidLimitError,
  UnknownKindError,
  UnknownSortError,
  UnknownToolError,
} from './blueprints.errors';
import { BlueprintsRepository } from './blueprints.repository';
import {
  CatalogRepository,
  type CatalogFilters,
  type CatalogRow,
  type CatalogSort,
  type NormalisedQuery,
} from './catalog.repository';
import type { BlueprintPage, CatalogFacets } from './dto/blueprint-responses.dto';
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

export function decodeCursor(scope: string, cursor: string | undefined): CatalogKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (cursor.length > 512) throw new Error('too long');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { s: cursorScope, v: value, t: tier, i: id } = parsed;
    const valueOk = typeof value === 'string' ? !Number.isNaN(Date.parse(value)) : Number.isSafeInteger(value);
    const tierOk = tier === undefined || (Number.isSafeInteger(tier) && Math.abs(tier as number) < 10);
    if (cursorScope !== scope || typeof id !== 'string' || id.length > 64 || !valueOk || !tierOk) {
      throw new Error('mismatch');
    }
    return { value: value as number | string, id, ...(tier === undefined ? {} : { tier: tier as number }) };
  } catch {
    throw new InvalidCursorError();
  }
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

const NORMALISED_CACHE_SIZE = 1000;
/**
 * Facets count every match (0.5–1.5 s over 100,000 blueprints), so each process keeps a query's counts for a minute:
 * the catalogue's landing page asks the same question on every visit.
 */
const FACETS_TTL_MS = 60_000;

@Injectable()
export class CatalogService {
  /** websearch_to_tsquery's reading of recent queries, so a repeated search costs one round trip, not two. */
  private readonly normalised = new LRUCache<string, NormalisedQuery>({ max: NORMALISED_CACHE_SIZE });
  private readonly facetCache = new LRUCache<string, Promise<CatalogFacets>>({ max: 500, ttl: FACETS_TTL_MS });

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly blueprints: BlueprintsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(query: CatalogQuery): Promise<BlueprintPage> {
    const filters = this.filters(query);
    const requested = query.sort ?? (filters.q ? 'relevance' : 'newest');
    if (!(CATALOG_SORTS as readonly string[]).includes(requested)) throw new UnknownSortError(requested, CATALOG_SORTS);
    // Relevance needs words to rank by; without a query it is the newest first.
    const sort = requested === 'relevance' && !filters.q ? 'newest' : (requested as CatalogSort);
    const limit = parseLimit(query.limit);
    const scope = scopeOf([sort, filters]);
    const after = decodeCursor(scope, query.cursor);
    if (after && (sort === 'relevance') !== (after.tier !== undefined)) throw new InvalidCursorError();
    const normalised = filters.q ? await this.normalise(filters.q) : undefined;
    const [rows, facets] = await Promise.all([
      sort === 'relevance' && normalised
        ? this.catalog.rank(
            filters,
            normalised,
            limit + 1,
            after && { tier: after.tier ?? 0, downloads: Number(after.value), id: after.id },
          )
        : this.catalog.search(filters, normalised, sort === 'relevance' ? 'newest' : sort, limit + 1, after),
      query.facets === 'true' ? this.cachedFacets(filters, normalised) : Promise.resolve(undefined),
    ]);
    const { page, nextCursor } = cut(rows, limit, scope, (row) => keyOf(row, sort));
    return {
      items: page.map((row) => catalogSummaryOf(row, this.config.instance.domain)),
      nextCursor,
      ...(facets ? { facets } : {}),
    };
  }

  private async normalise(q: string): Promise<NormalisedQuery> {
    const cached = this.normalised.get(q);
    if (cached) return cached;
    const normalised = await this.catalog.normalise(q);
    if (this.normalised.size >= NORMALISED_CACHE_SIZE)
      this.normalised.delete(this.normalised.keys().next().value as string);
    this.normalised.set(q, normalised);
    return normalised;
  }

  /** Listed blueprints: what the manifest advertises to peers. */
  countListed(): Promise<number> {
    return this.blueprints.countListed();
  }

  async mine(ownerId: string, cursor: string | undefined, rawLimit: string | undefined): Promise<BlueprintPage> {
    const limit = parseLimit(rawLimit);
    const scope = scopeOf(['mine', ownerId]);
    const after = decodeCursor(scope, cursor);
    const rows = await this.blueprints.listOwned(ownerId, {
      limit: limit + 1,
      after: after ? { updatedAt: new Date(after.value), id: after.id } : undefined,
    });
    const { page, nextCursor } = cut(rows, limit, scope, (row) => ({ value: row.updatedAt.toISOString(), id: row.id }));
    return { items: page.map((row) => summaryOf(row, this.config.instance.domain, ownerId)), nextCursor };
  }

  async favorites(userId: string, cursor: string | undefined, rawLimit: string | undefined): Promise<BlueprintPage> {
    const limit = parseLimit(rawLimit);
    const scope = scopeOf(['favorites', userId]);
    const after = decodeCursor(scope, cursor);
    const rows = await this.blueprints.listFavorites(userId, {
      limit: limit + 1,
      after: after ? { createdAt: new Date(after.value), blueprintId: after.id } : undefined,
    });
    const { page, nextCursor } = cut(rows, limit, scope, (row) => ({
      value: row.createdAt.toISOString(),
      id: row.blueprint.id,
    }));
    return {
      // A favourite that has since turned private is not shown (its owner's choice wins).
      items: page
        .filter(({ blueprint }) => blueprint.ownerId === userId || readableByOthers(blueprint))
        .map(({ blueprint }) => summaryOf(blueprint, this.config.instance.domain, userId)),
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
    return {
      ...(q ? { q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.tool ? { tool: query.tool } : {}),
      ...(query.format ? { format: getFormat(query.format).id } : {}),
      ...(query.category ? { category: checkCategory(query.category) ?? undefined } : {}),
      ...(query.tag?.length ? { tags: [...new Set(query.tag.map((tag) => tag.trim().toLowerCase()))] } : {}),
      ...(query.author ? { author: query.author } : {}),
      ...(query.license ? { license: query.license } : {}),
      ...this.origin(query.instance),
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

  /** Concurrent requests for the same counts share one query; a failed one is not kept. */
  private cachedFacets(filters: CatalogFilters, query: NormalisedQuery | undefined): Promise<CatalogFacets> {
    const key = JSON.stringify([filters, query?.any ?? null]);
    let facets = this.facetCache.get(key);
    if (!facets) {
      facets = this.facets(filters, query);
      this.facetCache.set(key, facets);
      facets.catch(() => this.facetCache.delete(key));
    }
    return facets;
  }

  private async facets(filters: CatalogFilters, query: NormalisedQuery | undefined): Promise<CatalogFacets> {
    const rows = await this.catalog.facets(filters, query);
    const facets: CatalogFacets = { kind: [], tool: [], category: [], tags: [], license: [] };
    for (const row of rows) {
      facets[row.facet as keyof CatalogFacets].push({ value: row.value, count: row.count });
    }
    for (const list of Object.values(facets) as CatalogFacets[keyof CatalogFacets][]) {
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return facets;
  }
}
