import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { SavedVariablesSection } from '../features/saved-variables/components/SavedVariablesSection';
import { SettingsSection } from '../shared/components/SettingsSection';

export function SavedVariablesPage() {
  usePageTitle('Saved variables');
  return (
    <div className="settings__sections">
      <SettingsSection
        title="Saved variables"
        description={
          <>
            Values for template variables such as <code>[[OPENAI_API_KEY]]</code>, filled in when you preview or
            download a blueprint. They are stored encrypted and are never shown to anyone else.
          </>
        }
      >
        <SavedVariablesSection />
      </SettingsSection>
    </div>
  );
}
