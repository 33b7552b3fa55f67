import { createApiClient, type ApiClient } from '@lynxprompt/api-contract';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../features/session/hooks/use-session';
import { csrfMiddleware } from '../shared/api/csrf';
import { queryKeys } from './query-keys';

/**
 * The app's API client: the typed client plus CSRF protection for every write. The token is the one of the session
 * query; a write issued before that query has answered waits for it, so no request goes out without the token.
 */
export function createAppApiClient(baseUrl: string, queryClient: QueryClient): ApiClient {
  const client = createApiClient(baseUrl);
  client.use(
    csrfMiddleware({
      token: async () => {
        const state = await queryClient.ensureQueryData(sessionQueryOptions(client)).catch(() => undefined);
        return state?.csrfToken;
      },
      onRejected: () => void queryClient.invalidateQueries({ queryKey: queryKeys.session.all }),
    }),
  );
  return client;
}
