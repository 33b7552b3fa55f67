import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintPage } from '../../blueprints/api/blueprint-types';
import { getProfile, listProfileBlueprints, type Profile } from '../api/profiles-api';

export function useProfile(handle: string) {
  const client = useApiClient();
  return useQuery<Profile, ApiError>({
    queryKey: queryKeys.profiles.detail(handle),
    queryFn: ({ signal }) => getProfile(client, handle, signal),
  });
}

export function useProfileBlueprints(handle: string) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: queryKeys.profiles.blueprints(handle),
    queryFn: ({ pageParam, signal }) => listProfileBlueprints(client, handle, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: BlueprintPage) => page.nextCursor ?? undefined,
  });
}
