// Global styles first, so feature stylesheets imported by components cascade after them.
import './styles/global.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createAppApiClient } from './app/api-client';
import { AppProviders, createQueryClient } from './app/providers';
import { createAppRouter } from './app/routes';
import { applyTheme } from './features/theme/theme';

// Before the first render: the CSP forbids an inline <script> in index.html, so the theme is set here.
applyTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const queryClient = createQueryClient();

createRoot(container).render(
  <StrictMode>
    <AppProviders apiClient={createAppApiClient('', queryClient)} queryClient={queryClient}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
