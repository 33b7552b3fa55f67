import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { SESSION_ENDED_STATE } from '../../session/hooks/use-session';
import {
  deleteAccount,
  requestEmailChange,
  updateProfile,
  verifyEmailChange,
  type ProfileChanges,
} from '../api/account-api';

export function useUpdateProfile() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => updateProfile(client, changes),
    // The header shows the name from the session, and profiles the name and bio: read them again.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.session.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles.all }),
      ]),
  });
}

export function useRequestEmailChange() {
  const client = useApiClient();
  return useMutation<void, ApiError, string>({ mutationFn: (email) => requestEmailChange(client, email) });
}

export function useVerifyEmailChange() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => verifyEmailChange(client, token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session.all }),
  });
}

/** Deletes the account and leaves the (guarded) settings page; the layout then forgets the session (see useSignOut). */
export function useDeleteAccount() {
  const client = useApiClient();
  const navigate = useNavigate();
  return useMutation<void, ApiError>({
    mutationFn: () => deleteAccount(client),
    onSuccess: () => navigate('/', { replace: true, state: SESSION_ENDED_STATE }),
  });
}
