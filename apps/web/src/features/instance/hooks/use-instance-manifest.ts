import type { InstanceManifest } from '@lynxprompt/api-contract';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { getInstanceManifest } from '../api/get-instance-manifest';

/** The instance manifest changes rarely (name, version, counters), so it is cached for a few minutes. */
export function useInstanceManifest() {
  const client = useApiClient();
  return useQuery<InstanceManifest, ApiError>({
    queryKey: queryKeys.instance.manifest(),
    queryFn: ({ signal }) => getInstanceManifest(client, signal),
    staleTime: 5 * 60_000,
  });
}
