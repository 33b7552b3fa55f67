import { CreateOrganizationForm } from '../features/organizations/components/CreateOrganizationForm';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { SettingsSection } from '../shared/components/SettingsSection';
import './settings.css';

export function CreateOrganizationPage() {
  usePageTitle('New organization');
  return (
    <div className="settings">
      <div className="settings__header">
        <h1 className="settings__title">New organization</h1>
      </div>
      <div className="settings__content">
        <SettingsSection
          title="Details"
          description="An organization owns blueprints together. You become its Owner and can invite others."
        >
          <CreateOrganizationForm />
        </SettingsSection>
      </div>
    </div>
  );
}
