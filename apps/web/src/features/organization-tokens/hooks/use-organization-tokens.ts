import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import {
  createOrganizationToken,
  listOrganizationTokens,
  revokeOrganizationToken,
  type CreatedOrganizationToken,
  type NewOrganizationToken,
  type OrganizationToken,
} from '../api/organization-tokens-api';

export function useOrganizationTokens(slug: string) {
  const client = useApiClient();
  return useQuery<OrganizationToken[], ApiError>({
    queryKey: queryKeys.account.organizationTokens(slug),
    queryFn: ({ signal }) => listOrganizationTokens(client, slug, signal),
  });
}

// Token changes are audited, so the organization's log is stale too.
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account.organizationTokens(slug) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.account.organizationAudit(slug) }),
    ]);
}

export function useCreateOrganizationToken(slug: string) {
  const client = useApiClient();
  const refresh = useRefresh(slug);
  return useMutation<CreatedOrganizationToken, ApiError, NewOrganizationToken>({
    mutationFn: (input) => createOrganizationToken(client, slug, input),
    onSuccess: refresh,
  });
}

export function useRevokeOrganizationToken(slug: string) {
  const client = useApiClient();
  const refresh = useRefresh(slug);
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => revokeOrganizationToken(client, slug, id),
    onSuccess: refresh,
  });
}
