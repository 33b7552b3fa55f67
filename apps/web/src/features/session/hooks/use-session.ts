import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { ApiClient } from '@lynxprompt/api-contract';
import { getSession, signOut, type SessionState } from '../api/session-api';

export function sessionQueryOptions(client: ApiClient) {
  return {
    queryKey: queryKeys.session.current(),
    queryFn: ({ signal }: { signal?: AbortSignal }) => getSession(client, signal),
    staleTime: 60_000,
  };
}

/** Who is signed in (if anyone), the CSRF token of the session, and the sign-in methods this instance offers. */
export function useSession() {
  const client = useApiClient();
  return useQuery<SessionState, ApiError>(sessionQueryOptions(client));
}

/**
 * After anything that changes who is signed in: forget the previous account's data and read the new session (its id,
 * and so its CSRF token, changed). Resolves to the new session state.
 */
export async function reloadSession(queryClient: QueryClient, client: ApiClient): Promise<SessionState> {
  queryClient.removeQueries({ queryKey: queryKeys.account.all });
  return queryClient.fetchQuery({ ...sessionQueryOptions(client), staleTime: 0 });
}

/** After the server renewed the session id (and so its CSRF token) for the same person: read it again. */
export function refreshSession(queryClient: QueryClient, client: ApiClient): Promise<SessionState> {
  return queryClient.fetchQuery({ ...sessionQueryOptions(client), staleTime: 0 });
}

export function useReloadSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return () => reloadSession(queryClient, client);
}

/**
 * Signs out, goes to `redirectTo`, then forgets the account. In that order, and in the hook rather than in a
 * component's callback: read as signed out while still on a guarded page, the guard would redirect to the sign-in
 * page and unmount whatever component started the sign-out.
 */
export function useSignOut(redirectTo = '/') {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation<void, ApiError>({
    mutationFn: () => signOut(client),
    onSuccess: async () => {
      await navigate(redirectTo);
      await reloadSession(queryClient, client);
    },
  });
}
