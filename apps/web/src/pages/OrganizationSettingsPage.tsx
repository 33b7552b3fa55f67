import { DeleteOrganizationForm } from '../features/organizations/components/DeleteOrganizationForm';
import { OrganizationSettingsForm } from '../features/organizations/components/OrganizationSettingsForm';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import { offers } from '../features/organizations/roles';
import { SettingsSection } from '../shared/components/SettingsSection';

export function OrganizationSettingsPage() {
  const organization = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <SettingsSection title="Details">
        {/* Keyed by slug: after a rename the form starts from the new values. */}
        <OrganizationSettingsForm key={organization.slug} organization={organization} />
      </SettingsSection>
      {offers(organization.role).deleteOrganization && (
        <SettingsSection title="Delete this organization" tone="danger">
          <DeleteOrganizationForm organization={organization} />
        </SettingsSection>
      )}
    </div>
  );
}
