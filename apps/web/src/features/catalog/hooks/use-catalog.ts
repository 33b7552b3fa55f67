import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintPage } from '../../blueprints/api/blueprint-types';
import { listMyBlueprints, listMyFavorites, searchBlueprints } from '../api/catalog-api';
import type { CatalogQuery } from '../catalog-query';

/**
 * The page of results at `cursor`, the facet counts of the whole query, and the corrected search the results are for
 * when nothing matched the words as typed. Facets come with the first page only (they cost the server a second query),
 * so a later page reuses the first page's answer, fetched once if not cached yet.
 */
export function useCatalog(query: CatalogQuery, cursor: string | undefined) {
  const client = useApiClient();
  const first = useQuery<BlueprintPage, ApiError>({
    queryKey: queryKeys.blueprints.catalog(query, undefined),
    queryFn: ({ signal }) => searchBlueprints(client, query, { facets: true }, signal),
    placeholderData: keepPreviousData,
  });
  const later = useQuery<BlueprintPage, ApiError>({
    queryKey: queryKeys.blueprints.catalog(query, cursor),
    queryFn: ({ signal }) => searchBlueprints(client, query, { cursor, facets: false }, signal),
    enabled: cursor !== undefined,
    placeholderData: keepPreviousData,
  });
  return {
    page: cursor === undefined ? first : later,
    facets: first.data?.facets,
    // Like the facets, the correction comes with the first page and holds for the later ones. While the previous
    // query's answer stands in for a new one, it would name the wrong search, so it waits for the new answer.
    approximate: first.isPlaceholderData ? undefined : first.data?.approximate,
  };
}

export function useMyBlueprints() {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: queryKeys.account.myBlueprints(),
    queryFn: ({ pageParam, signal }) => listMyBlueprints(client, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: BlueprintPage) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMyFavorites() {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: queryKeys.account.favorites(),
    queryFn: ({ pageParam, signal }) => listMyFavorites(client, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: BlueprintPage) => page.nextCursor ?? undefined,
  });
}
