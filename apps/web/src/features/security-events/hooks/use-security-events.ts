import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { listSecurityEvents, type SecurityEvent } from '../api/security-events-api';

export function useSecurityEvents() {
  const client = useApiClient();
  return useQuery<SecurityEvent[], ApiError>({
    queryKey: queryKeys.account.securityEvents(),
    queryFn: ({ signal }) => listSecurityEvents(client, signal),
  });
}
