import { InvitationsSection } from '../features/organizations/components/InvitationsSection';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import { SettingsSection } from '../shared/components/SettingsSection';

export function OrganizationInvitationsPage() {
  const organization = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <SettingsSection
        title="Invitations"
        description="Invite by email. Only someone signed in with that address (verified) can accept; the link works once for 7 days."
      >
        <InvitationsSection organization={organization} />
      </SettingsSection>
    </div>
  );
}
