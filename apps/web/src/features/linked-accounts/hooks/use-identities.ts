import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import {
  listIdentities,
  startLinking,
  unlinkIdentity,
  type Identity,
  type LinkableProvider,
} from '../api/identities-api';

export function useIdentities() {
  const client = useApiClient();
  return useQuery<Identity[], ApiError>({
    queryKey: queryKeys.account.identities(),
    queryFn: ({ signal }) => listIdentities(client, signal),
  });
}

/** Leaves the page for the provider; the callback links the account and brings the browser back. */
export function useLinkIdentity() {
  const client = useApiClient();
  return useMutation<string, ApiError, LinkableProvider>({
    mutationFn: (provider) => startLinking(client, provider),
    onSuccess: (url) => window.location.assign(url),
  });
}

export function useUnlinkIdentity() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => unlinkIdentity(client, id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.account.identities() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.account.securityEvents() }),
      ]),
  });
}
