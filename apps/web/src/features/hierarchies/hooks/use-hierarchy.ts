import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { getHierarchy, type Hierarchy } from '../api/hierarchies-api';

export function useHierarchy(id: string) {
  const client = useApiClient();
  return useQuery<Hierarchy, ApiError>({
    queryKey: queryKeys.hierarchies.detail(id),
    queryFn: ({ signal }) => getHierarchy(client, id, signal),
  });
}
