import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireSession } from '../features/session/components/RequireSession';
import { AccountSettingsPage } from '../pages/AccountSettingsPage';
import { DevicePage } from '../pages/DevicePage';
import { EmailVerifyPage } from '../pages/EmailVerifyPage';
import { HomePage } from '../pages/HomePage';
import { LicensePage } from '../pages/LicensePage';
import { MagicLinkPage } from '../pages/MagicLinkPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SecondFactorPage } from '../pages/SecondFactorPage';
import { SecuritySettingsPage } from '../pages/SecuritySettingsPage';
import { SettingsLayout } from '../pages/SettingsLayout';
import { SignInPage } from '../pages/SignInPage';
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
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-in/magic', element: <MagicLinkPage /> },
          { path: 'sign-in/second-factor', element: <SecondFactorPage /> },
          {
            // Everything below needs a fully signed-in session.
            element: <RequireSession />,
            children: [
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="/settings/account" replace /> },
                  { path: 'account', element: <AccountSettingsPage /> },
                  { path: 'security', element: <SecuritySettingsPage /> },
                ],
              },
              { path: 'device', element: <DevicePage /> },
              // The confirmation link is spent by the account that asked for the change, so sign-in comes first.
              { path: 'account/email/verify', element: <EmailVerifyPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
