import { MembersSection } from '../features/organizations/components/MembersSection';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import { SettingsSection } from '../shared/components/SettingsSection';

export function OrganizationMembersPage() {
  const organization = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <SettingsSection
        title="Members"
        description="Owners and Admins change roles and remove members; only Owners manage Owners. An organization always keeps at least one Owner."
      >
        <MembersSection organization={organization} />
      </SettingsSection>
    </div>
  );
}
