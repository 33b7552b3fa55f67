import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@lynxprompt/api-contract';

const ApiClientContext = createContext<ApiClient | null>(null);

/** Supplies the typed API client: same-origin in production, a test server's URL in tests. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext value={client}>{children}</ApiClientContext>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient() must be used inside <ApiClientProvider>.');
  return client;
}
