import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from '../pages/HomePage';
import { LicensePage } from '../pages/LicensePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RootLayout } from './layout/RootLayout';
import { RootErrorBoundary, RouteErrorBoundary } from './RouteErrorBoundary';

/** The route table, shared by the browser router and by tests (which use a memory router). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RootErrorBoundary />,
    children: [
      {
        // Pathless route so render errors in a page keep the header and footer around them.
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'license', element: <LicensePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
