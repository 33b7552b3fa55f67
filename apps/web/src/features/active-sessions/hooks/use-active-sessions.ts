import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { listSessions, revokeOtherSessions, revokeSession, type ActiveSession } from '../api/sessions-api';

export function useActiveSessions() {
  const client = useApiClient();
  return useQuery<ActiveSession[], ApiError>({
    queryKey: queryKeys.account.sessions(),
    queryFn: ({ signal }) => listSessions(client, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account.sessions() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.account.securityEvents() }),
    ]);
}

export function useRevokeSession() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<void, ApiError, string>({ mutationFn: (id) => revokeSession(client, id), onSuccess: refresh });
}

export function useRevokeOtherSessions() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<{ revoked: number }, ApiError>({
    mutationFn: () => revokeOtherSessions(client),
    onSuccess: refresh,
  });
}
