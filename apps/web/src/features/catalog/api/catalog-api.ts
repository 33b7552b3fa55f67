import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { CatalogQuery } from '../catalog-query';

export const CATALOG_PAGE_SIZE = 20;

/** One page of listed (public, published) blueprints; facets are only worth their cost on the first page. */
export function searchBlueprints(
  client: ApiClient,
  query: CatalogQuery,
  options: { cursor?: string; facets: boolean },
  signal?: AbortSignal,
) {
  return callApi(
    client.GET('/api/v1/blueprints', {
      params: {
        query: {
          q: query.q || undefined,
          kind: query.kind || undefined,
          tool: query.tool || undefined,
          category: query.category || undefined,
          tag: query.tags.length > 0 ? query.tags : undefined,
          author: query.author || undefined,
          license: query.license || undefined,
          instance: query.instance || undefined,
          sort: query.sort || undefined,
          cursor: options.cursor,
          limit: CATALOG_PAGE_SIZE,
          facets: options.facets ? 'true' : undefined,
        },
      },
      signal,
    }),
  );
}

/** All of the signed-in person's blueprints, drafts and private ones included, latest change first. */
export function listMyBlueprints(client: ApiClient, cursor?: string, signal?: AbortSignal) {
  return callApi(
    client.GET('/api/v1/me/blueprints', { params: { query: { cursor, limit: CATALOG_PAGE_SIZE } }, signal }),
  );
}

export function listMyFavorites(client: ApiClient, cursor?: string, signal?: AbortSignal) {
  return callApi(
    client.GET('/api/v1/me/favorites', { params: { query: { cursor, limit: CATALOG_PAGE_SIZE } }, signal }),
  );
}
