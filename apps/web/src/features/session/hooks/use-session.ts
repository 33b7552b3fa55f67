import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
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

/** Location state that tells the layout the session just ended: see useReloadSessionAfterLeaving. */
export const SESSION_ENDED_STATE = { sessionEnded: true } as const;

/**
 * Signs out and goes to `redirectTo`; the layout then forgets the account. The session must end only once the new page
 * is on screen: read as signed out while a guarded page is still rendered (navigations render in a transition), the
 * guard would redirect to the sign-in page instead.
 */
export function useSignOut(redirectTo = '/') {
  const client = useApiClient();
  const navigate = useNavigate();
  return useMutation<void, ApiError>({
    mutationFn: () => signOut(client),
    onSuccess: () => navigate(redirectTo, { state: SESSION_ENDED_STATE }),
  });
}

/** In the root layout: after a navigation that ended the session has committed, read the (now anonymous) session. */
export function useReloadSessionAfterLeaving(): void {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const location = useLocation();
  const ended = (location.state as { sessionEnded?: boolean } | null)?.sessionEnded === true;
  useEffect(() => {
    if (ended) void reloadSession(queryClient, client);
  }, [ended, location.key, queryClient, client]);
}
