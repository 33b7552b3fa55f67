import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createAppApiClient } from '../app/api-client';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

interface RenderAppOptions {
  /** Base URL of the API, e.g. a TestServer's url. */
  apiBaseUrl: string;
  /** Initial client-side location. */
  path?: string;
}

/** Renders the real route table, providers and API client (CSRF included), pointed at `apiBaseUrl`. */
export function renderApp({ apiBaseUrl, path = '/' }: RenderAppOptions) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  // StrictMode as in main.tsx: effects run twice, which is how a page that must POST only once is proven to.
  const utils = render(
    <StrictMode>
      <AppProviders apiClient={createAppApiClient(apiBaseUrl, queryClient)} queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
  return { ...utils, user, router, queryClient };
}
