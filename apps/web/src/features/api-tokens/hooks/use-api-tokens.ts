import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiToken,
  type CreatedApiToken,
  type NewApiToken,
} from '../api/api-tokens-api';

export function useApiTokens() {
  const client = useApiClient();
  return useQuery<ApiToken[], ApiError>({
    queryKey: queryKeys.account.apiTokens(),
    queryFn: ({ signal }) => listApiTokens(client, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account.apiTokens() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.account.securityEvents() }),
    ]);
}

export function useCreateApiToken() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<CreatedApiToken, ApiError, NewApiToken>({
    mutationFn: (input) => createApiToken(client, input),
    onSuccess: refresh,
  });
}

export function useRevokeApiToken() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<void, ApiError, string>({ mutationFn: (id) => revokeApiToken(client, id), onSuccess: refresh });
}
