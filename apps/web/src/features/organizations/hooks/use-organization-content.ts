import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintPage } from '../../blueprints/api/blueprint-types';
import {
  listOrganizationBlueprints,
  listOrganizationHierarchies,
  type HierarchySummary,
} from '../api/organization-content-api';

/** The organization's blueprints, a page at a time ("Load more"). */
export function useOrganizationBlueprints(slug: string) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: queryKeys.account.organizationBlueprints(slug),
    queryFn: ({ pageParam, signal }) => listOrganizationBlueprints(client, slug, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: BlueprintPage) => page.nextCursor ?? undefined,
  });
}

/** The organization's hierarchies: the one place the web app reads GET /organizations/{slug}/hierarchies. */
export function useOrganizationHierarchies(slug: string) {
  const client = useApiClient();
  return useQuery<HierarchySummary[], ApiError>({
    queryKey: queryKeys.account.organizationHierarchies(slug),
    queryFn: ({ signal }) => listOrganizationHierarchies(client, slug, signal),
  });
}
