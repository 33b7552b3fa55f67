import type { ApiClient } from '@lynxprompt/api-contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiClientProvider } from '../shared/api/api-client-context';
import { ApiError } from '../shared/api/api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Retrying a 4xx answer only repeats the same mistake; network and 5xx failures get two more tries.
        retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

interface AppProvidersProps {
  apiClient: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

/** Everything the app needs from outside: tests pass a client pointed at their own HTTP server. */
export function AppProviders({ apiClient, queryClient, children }: AppProvidersProps) {
  return (
    <ApiClientProvider client={apiClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiClientProvider>
  );
}
