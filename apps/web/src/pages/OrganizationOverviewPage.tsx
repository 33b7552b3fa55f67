import { Link } from 'react-router';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import { roleLabel } from '../features/organizations/roles';
import { httpUrl } from '../shared/safe-url';
import { SettingsSection } from '../shared/components/SettingsSection';
import { formatDate } from '../shared/format';

export function OrganizationOverviewPage() {
  const organization = useCurrentOrganization();
  const website = httpUrl(organization.websiteUrl);
  return (
    <div className="settings__sections">
      <SettingsSection title="Overview">
        <dl className="definition-list">
          <dt>Description</dt>
          <dd>{organization.description || 'No description yet.'}</dd>
          <dt>Members</dt>
          <dd>
            <Link to={`/orgs/${organization.slug}/members`}>{organization.memberCount}</Link>
          </dd>
          {website && (
            <>
              <dt>Website</dt>
              <dd>
                <a href={website} rel="noopener noreferrer nofollow" target="_blank">
                  {organization.websiteUrl}
                </a>
              </dd>
            </>
          )}
          <dt>Your role</dt>
          <dd>{roleLabel(organization.role)}</dd>
          <dt>Created</dt>
          <dd>{formatDate(organization.createdAt)}</dd>
        </dl>
      </SettingsSection>
    </div>
  );
}
