import type { paths } from '@lynxprompt/api-contract';
import { isBlueprintKind, isCategory, type BlueprintKind, type Category } from '../blueprints/api/blueprint-types';

type SearchParameters = NonNullable<paths['/api/v1/blueprints']['get']['parameters']['query']>;
export type CatalogSort = NonNullable<SearchParameters['sort']>;

export const SORTS = [
  'relevance',
  'newest',
  'favorites',
  'downloads',
  'trending',
] as const satisfies readonly CatalogSort[];

export const SORT_LABELS: Record<CatalogSort, string> = {
  relevance: 'Relevance',
  newest: 'Newest',
  favorites: 'Most favourited',
  downloads: 'Most downloaded',
  trending: 'Trending (7 days)',
};

/** The catalogue's filters: everything lives in the URL, so reload, back and shared links keep the same results. */
export interface CatalogQuery {
  q: string;
  kind: BlueprintKind | '';
  tool: string;
  category: Category | '';
  tags: string[];
  author: string;
  license: string;
  /** Origin: this instance's domain (local blueprints only), a peer's domain (its blueprints only), or empty for all. */
  instance: string;
  /** Empty means the API's default: relevance with a search, newest without. */
  sort: CatalogSort | '';
}

export function readCatalogQuery(params: URLSearchParams): CatalogQuery {
  const kind = params.get('kind') ?? '';
  const category = params.get('category') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: isBlueprintKind(kind) ? kind : '',
    tool: params.get('tool') ?? '',
    category: isCategory(category) ? category : '',
    tags: [...new Set(params.getAll('tag').filter(Boolean))],
    author: params.get('author') ?? '',
    license: params.get('license') ?? '',
    instance: params.get('instance') ?? '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as CatalogSort) : '',
  };
}

/** The URL form of a query, in a stable order and without empty values; `cursor` is the page after the first. */
export function writeCatalogQuery(query: CatalogQuery, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.tool) params.set('tool', query.tool);
  if (query.category) params.set('category', query.category);
  for (const tag of query.tags) params.append('tag', tag);
  if (query.author) params.set('author', query.author);
  if (query.license) params.set('license', query.license);
  if (query.instance) params.set('instance', query.instance);
  if (query.sort) params.set('sort', query.sort);
  if (cursor) params.set('cursor', cursor);
  return params;
}

export function effectiveSort(query: CatalogQuery): CatalogSort {
  return query.sort || (query.q ? 'relevance' : 'newest');
}

export function hasFilters(query: CatalogQuery): boolean {
  return Boolean(
    query.q ||
    query.kind ||
    query.tool ||
    query.category ||
    query.tags.length ||
    query.author ||
    query.license ||
    query.instance,
  );
}
