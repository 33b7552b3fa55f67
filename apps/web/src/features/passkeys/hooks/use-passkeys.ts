import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { addPasskey, deletePasskey, listPasskeys, renamePasskey, type Passkey } from '../api/passkeys-api';

export function usePasskeys() {
  const client = useApiClient();
  return useQuery<Passkey[], ApiError>({
    queryKey: queryKeys.account.passkeys(),
    queryFn: ({ signal }) => listPasskeys(client, signal),
  });
}

function useInvalidating() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account.passkeys() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.account.securityEvents() }),
    ]);
}

export function useAddPasskey() {
  const client = useApiClient();
  const invalidate = useInvalidating();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (name) => addPasskey(client, name),
    onSuccess: invalidate,
  });
}

export function useRenamePasskey() {
  const client = useApiClient();
  const invalidate = useInvalidating();
  return useMutation<unknown, ApiError, { id: string; name: string }>({
    mutationFn: ({ id, name }) => renamePasskey(client, id, name),
    onSuccess: invalidate,
  });
}

export function useDeletePasskey() {
  const client = useApiClient();
  const invalidate = useInvalidating();
  return useMutation<void, ApiError, string>({ mutationFn: (id) => deletePasskey(client, id), onSuccess: invalidate });
}
