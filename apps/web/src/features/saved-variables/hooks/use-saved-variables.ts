import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import {
  deleteSavedVariable,
  listSavedVariables,
  putSavedVariable,
  type SavedVariable,
} from '../api/saved-variables-api';

export function useSavedVariables() {
  const client = useApiClient();
  return useQuery<SavedVariable[], ApiError>({
    queryKey: queryKeys.account.savedVariables(),
    queryFn: ({ signal }) => listSavedVariables(client, signal),
  });
}

export function usePutSavedVariable() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<SavedVariable, ApiError, { name: string; value: string }>({
    mutationFn: ({ name, value }) => putSavedVariable(client, name, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account.savedVariables() }),
  });
}

export function useDeleteSavedVariable() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (name) => deleteSavedVariable(client, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account.savedVariables() }),
  });
}
