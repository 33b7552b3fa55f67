import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, useParams, type RouteObject } from 'react-router';
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
import { LoadingState } from '../shared/components/LoadingState';
import { RootLayout } from './layout/RootLayout';
import { RootErrorBoundary, RouteErrorBoundary } from './RouteErrorBoundary';

/** A page whose code (and stylesheet) is fetched on its first visit, keeping the first download small. */
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <Page />
    </Suspense>
  );
}

// The blueprint screens: the catalogue and the blueprint page for everyone, the rest for signed-in authors.
const cataloguePage = lazyPage(() => import('../pages/CataloguePage').then((module) => module.CataloguePage));
const blueprintPage = lazyPage(() => import('../pages/BlueprintPage').then((module) => module.BlueprintPage));
const hierarchyPage = lazyPage(() => import('../pages/HierarchyPage').then((module) => module.HierarchyPage));
const importPage = lazyPage(() => import('../pages/BlueprintImportPage').then((module) => module.BlueprintImportPage));
const editorPage = lazyPage(() => import('../pages/BlueprintEditorPage').then((module) => module.BlueprintEditorPage));
const myBlueprintsPage = lazyPage(() => import('../pages/MyBlueprintsPage').then((module) => module.MyBlueprintsPage));
const instancesPage = lazyPage(() => import('../pages/InstancesPage').then((module) => module.InstancesPage));
const adminFederationPage = lazyPage(() =>
  import('../pages/AdminFederationPage').then((module) => module.AdminFederationPage),
);
// Billing (only when this instance bills): yours, an organization's, the return from Checkout, and the admin list.
const billingSettingsPage = lazyPage(() =>
  import('../pages/BillingSettingsPage').then((module) => module.BillingSettingsPage),
);
const organizationBillingPage = lazyPage(() =>
  import('../pages/OrganizationBillingPage').then((module) => module.OrganizationBillingPage),
);
const checkoutSuccessPage = lazyPage(() =>
  import('../pages/CheckoutSuccessPage').then((module) => module.CheckoutSuccessPage),
);
const adminBillingPage = lazyPage(() => import('../pages/AdminBillingPage').then((module) => module.AdminBillingPage));
// Organizations: the layout and its pages (overview, blueprints, members, invitations, tokens, audit log, billing,
// settings), one lazy chunk each.
const createOrganizationPage = lazyPage(() =>
  import('../pages/CreateOrganizationPage').then((module) => module.CreateOrganizationPage),
);
const organizationLayout = lazyPage(() =>
  import('../pages/OrganizationLayout').then((module) => module.OrganizationLayout),
);
const organizationOverviewPage = lazyPage(() =>
  import('../pages/OrganizationOverviewPage').then((module) => module.OrganizationOverviewPage),
);
const organizationBlueprintsPage = lazyPage(() =>
  import('../pages/OrganizationBlueprintsPage').then((module) => module.OrganizationBlueprintsPage),
);
const organizationMembersPage = lazyPage(() =>
  import('../pages/OrganizationMembersPage').then((module) => module.OrganizationMembersPage),
);
const organizationInvitationsPage = lazyPage(() =>
  import('../pages/OrganizationInvitationsPage').then((module) => module.OrganizationInvitationsPage),
);
const organizationSettingsPage = lazyPage(() =>
  import('../pages/OrganizationSettingsPage').then((module) => module.OrganizationSettingsPage),
);
const invitationAcceptPage = lazyPage(() =>
  import('../pages/InvitationAcceptPage').then((module) => module.InvitationAcceptPage),
);
const organizationTokensPage = lazyPage(() =>
  import('../features/organization-tokens/components/OrganizationTokensPage').then(
    (module) => module.OrganizationTokensPage,
  ),
);
const organizationAuditPage = lazyPage(() =>
  import('../features/organization-audit/components/OrganizationAuditPage').then(
    (module) => module.OrganizationAuditPage,
  ),
);
const savedVariablesPage = lazyPage(() =>
  import('../pages/SavedVariablesPage').then((module) => module.SavedVariablesPage),
);
const profilePage = lazyPage(() => import('../pages/ProfilePage').then((module) => module.ProfileRoute));

/**
 * `/@handle`, a user's or an organization's profile. React Router has no partial dynamic segment ("/@:handle"), so a
 * top-level `:segment` route, after every static one, shows the profile when the segment starts with `@`; any other
 * single segment is an unknown page.
 */
function ProfileSegment() {
  const { segment = '' } = useParams();
  return segment.length > 1 && segment.startsWith('@') ? profilePage : <NotFoundPage />;
}

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
          { path: 'blueprints', element: cataloguePage },
          { path: 'blueprints/:id', element: blueprintPage },
          { path: 'hierarchies/:id', element: hierarchyPage },
          { path: 'instances', element: instancesPage },
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
                  { path: 'variables', element: savedVariablesPage },
                  { path: 'billing', element: billingSettingsPage },
                ],
              },
              // "new" and "import" are static segments, so they win over blueprints/:id.
              { path: 'blueprints/new', element: editorPage },
              { path: 'blueprints/import', element: importPage },
              { path: 'blueprints/:id/edit', element: editorPage },
              { path: 'me/blueprints', element: myBlueprintsPage },
              // Administrators only: the page itself tells anyone else so.
              { path: 'admin/federation', element: adminFederationPage },
              { path: 'admin/billing', element: adminBillingPage },
              // Stripe Checkout comes back here after paying (the cancel URL is the billing page itself).
              { path: 'billing/success', element: checkoutSuccessPage },
              { path: 'device', element: <DevicePage /> },
              // "new" is a static segment, so it wins over orgs/:slug.
              { path: 'orgs/new', element: createOrganizationPage },
              {
                path: 'orgs/:slug',
                element: organizationLayout,
                children: [
                  { index: true, element: organizationOverviewPage },
                  { path: 'blueprints', element: organizationBlueprintsPage },
                  { path: 'members', element: organizationMembersPage },
                  { path: 'invitations', element: organizationInvitationsPage },
                  { path: 'tokens', element: organizationTokensPage },
                  { path: 'audit', element: organizationAuditPage },
                  { path: 'billing', element: organizationBillingPage },
                  { path: 'settings', element: organizationSettingsPage },
                ],
              },
              // An invitation is accepted by the invited address, signed in: sign-in comes first.
              { path: 'invitations/:token', element: invitationAcceptPage },
              // The confirmation link is spent by the account that asked for the change, so sign-in comes first.
              { path: 'account/email/verify', element: <EmailVerifyPage /> },
            ],
          },
          { path: ':segment', element: <ProfileSegment /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
