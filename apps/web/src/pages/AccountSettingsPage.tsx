import { DeleteAccountForm } from '../features/account/components/DeleteAccountForm';
import { EmailChangeForm } from '../features/account/components/EmailChangeForm';
import { ProfileForm } from '../features/account/components/ProfileForm';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { useSession } from '../features/session/hooks/use-session';
import { SettingsSection } from '../shared/components/SettingsSection';

export function AccountSettingsPage() {
  usePageTitle('Account settings');
  const { data: session } = useSession();
  const user = session?.user;
  // The route guard renders this page for a signed-in session only.
  if (!user) return null;

  return (
    <div className="settings__sections">
      <SettingsSection title="Profile" description="How you appear to others on this instance.">
        <ProfileForm key={user.id} user={user} />
      </SettingsSection>
      <SettingsSection title="Email address" description="Sign-in links and notices go to this address.">
        <EmailChangeForm currentEmail={user.email} />
      </SettingsSection>
      <SettingsSection title="Delete account" tone="danger">
        <DeleteAccountForm handle={user.handle} />
      </SettingsSection>
    </div>
  );
}
