import { createApiClient } from '@lynxprompt/api-contract';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

interface RenderAppOptions {
  /** Base URL of the API, e.g. a TestServer's url. */
  apiBaseUrl: string;
  /** Initial client-side location. */
  path?: string;
}

/** Renders the real route table and providers, with the API client pointed at `apiBaseUrl`. */
export function renderApp({ apiBaseUrl, path = '/' }: RenderAppOptions) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const utils = render(
    <AppProviders apiClient={createApiClient(apiBaseUrl)} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, user, router, queryClient };
}
