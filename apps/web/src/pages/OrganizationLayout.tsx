import { NavLink, Outlet, useParams } from 'react-router';
import { useBillingEnabled } from '../features/billing/hooks/use-billing';
import type { Organization } from '../features/organizations/api/organizations-api';
import { useOrganization } from '../features/organizations/hooks/use-organizations';
import { offers, roleLabel } from '../features/organizations/roles';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { NotFoundPage } from './NotFoundPage';
import './settings.css';

/**
 * An organization's pages for its members: a title, the sub-navigation its role allows, and the page in the outlet
 * (which reads the organization with useCurrentOrganization). The layout owns the document title.
 */
export function OrganizationLayout() {
  const { slug = '' } = useParams();
  const { data: organization, error, isPending, refetch, isFetching } = useOrganization(slug);
  usePageTitle(organization?.name ?? 'Organization');

  if (isPending) return <LoadingState label="Loading the organization…" />;
  if (!organization) {
    if (error?.status === 404) return <NotFoundPage />;
    return (
      <ApiErrorNotice
        title="The organization could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return (
    <div className="settings">
      <div className="settings__header">
        <h1 className="settings__title">
          {organization.avatarUrl && (
            <img className="org-avatar" src={organization.avatarUrl} alt="" width={32} height={32} />
          )}
          {organization.name}
        </h1>
        <p className="settings__subtitle">
          @{organization.slug} · your role: <strong data-testid="my-role">{roleLabel(organization.role)}</strong>
        </p>
      </div>
      <OrganizationNav organization={organization} />
      <div className="settings__content">
        <Outlet context={organization} />
      </div>
    </div>
  );
}

function OrganizationNav({ organization }: { organization: Organization }) {
  const base = `/orgs/${organization.slug}`;
  const mine = offers(organization.role);
  const billing = useBillingEnabled();
  const links = [
    { to: base, label: 'Overview', end: true, shown: true },
    // Every member reads the organization's content (the API lists what the role may see).
    { to: `${base}/blueprints`, label: 'Blueprints', shown: true },
    { to: `${base}/members`, label: 'Members', shown: true },
    { to: `${base}/invitations`, label: 'Invitations', shown: mine.invitations },
    { to: `${base}/tokens`, label: 'Tokens', shown: mine.tokens },
    { to: `${base}/audit`, label: 'Audit log', shown: mine.audit },
    { to: `${base}/billing`, label: 'Billing', shown: mine.billing && billing },
    { to: `${base}/settings`, label: 'Settings', shown: mine.settings },
  ];
  return (
    <nav className="settings__nav" aria-label="Organization">
      <ul className="settings__nav-list">
        {links
          .filter((link) => link.shown)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="settings__nav-link">
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
