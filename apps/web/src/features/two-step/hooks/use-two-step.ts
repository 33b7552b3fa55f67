import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { refreshSession } from '../../session/hooks/use-session';
import {
  confirmTotp,
  disableTwoStep,
  getTwoStepStatus,
  regenerateRecoveryCodes,
  startTotpSetup,
  type TotpSetup,
  type TwoStepStatus,
} from '../api/two-step-api';

export function useTwoStepStatus() {
  const client = useApiClient();
  return useQuery<TwoStepStatus, ApiError>({
    queryKey: queryKeys.account.twoStep(),
    queryFn: ({ signal }) => getTwoStepStatus(client, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account.twoStep() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.account.securityEvents() }),
    ]);
}

export function useStartTotpSetup() {
  const client = useApiClient();
  return useMutation<TotpSetup, ApiError>({ mutationFn: () => startTotpSetup(client) });
}

/**
 * `onCodes` receives the recovery codes before the status is read again: the refreshed status replaces the setup
 * form, and a callback given to mutate() by that form would be lost with it.
 */
export function useConfirmTotp(onCodes: (codes: string[]) => void) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation<{ recoveryCodes: string[] }, ApiError, string>({
    mutationFn: async (code) => {
      const result = await confirmTotp(client, code);
      // Turning two-step on renews the session id, and with it the CSRF token the next write needs.
      await refreshSession(queryClient, client);
      return result;
    },
    onSuccess: async (result) => {
      onCodes(result.recoveryCodes);
      await refresh();
    },
  });
}

export function useDisableTwoStep() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<void, ApiError>({ mutationFn: () => disableTwoStep(client), onSuccess: refresh });
}

export function useRegenerateRecoveryCodes(onCodes: (codes: string[]) => void) {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation<{ recoveryCodes: string[] }, ApiError>({
    mutationFn: () => regenerateRecoveryCodes(client),
    onSuccess: async (result) => {
      onCodes(result.recoveryCodes);
      await refresh();
    },
  });
}
