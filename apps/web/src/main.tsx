// Global styles first, so feature stylesheets imported by components cascade after them.
import './styles/global.css';
import { createApiClient } from '@lynxprompt/api-contract';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders, createQueryClient } from './app/providers';
import { createAppRouter } from './app/routes';
import { applyTheme } from './features/theme/theme';

// Before the first render: the CSP forbids an inline <script> in index.html, so the theme is set here.
applyTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProviders apiClient={createApiClient('')} queryClient={createQueryClient()}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
