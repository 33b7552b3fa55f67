import { useSearchParams } from 'react-router';
import { SessionsSection } from '../features/active-sessions/components/SessionsSection';
import { ApiTokensSection } from '../features/api-tokens/components/ApiTokensSection';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { LinkedAccountsSection } from '../features/linked-accounts/components/LinkedAccountsSection';
import { PasskeysSection } from '../features/passkeys/components/PasskeysSection';
import { SecurityEventsSection } from '../features/security-events/components/SecurityEventsSection';
import { useSession } from '../features/session/hooks/use-session';
import { TwoStepSection } from '../features/two-step/components/TwoStepSection';
import { SettingsSection } from '../shared/components/SettingsSection';

const SECTIONS = [
  { id: 'passkeys', title: 'Passkeys' },
  { id: 'two-step', title: 'Two-step verification' },
  { id: 'sessions', title: 'Sessions' },
  { id: 'linked-accounts', title: 'Linked accounts' },
  { id: 'api-tokens', title: 'API tokens' },
  { id: 'security-events', title: 'Security events' },
] as const;

const PROVIDER_NAMES: Record<string, string> = { github: 'GitHub', google: 'Google' };

export function SecuritySettingsPage() {
  usePageTitle('Security settings');
  const { data: session } = useSession();
  // Linking a provider comes back here as ?linked=<provider>.
  const [params] = useSearchParams();
  const linked = params.get('linked');
  // The route guard renders this page for a signed-in session only.
  if (!session) return null;

  return (
    <div className="settings__sections">
      <nav className="settings__toc" aria-label="On this page">
        <ul className="settings__toc-list">
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {linked && (
        <p className="callout callout--success" role="status">
          {linked === 'oidc' ? (session.methods.sso ?? 'Single sign-on') : (PROVIDER_NAMES[linked] ?? linked)} is now
          linked to your account. You can use it to sign in.
        </p>
      )}
      <SettingsSection
        id="passkeys"
        title="Passkeys"
        description="Sign in with your fingerprint, face or device PIN instead of an email link. A passkey also counts as a second factor."
      >
        <PasskeysSection />
      </SettingsSection>
      <SettingsSection
        id="two-step"
        title="Two-step verification"
        description="Ask for a code from an authenticator app after signing in by email or a linked account."
      >
        <TwoStepSection />
      </SettingsSection>
      <SettingsSection id="sessions" title="Sessions" description="Browsers and devices where you are signed in.">
        <SessionsSection />
      </SettingsSection>
      <SettingsSection
        id="linked-accounts"
        title="Linked accounts"
        description="Accounts elsewhere that can sign you in here."
      >
        <LinkedAccountsSection methods={session.methods} />
      </SettingsSection>
      <SettingsSection
        id="api-tokens"
        title="API tokens"
        description="For scripts and the command-line client. A token acts as you, limited to its scopes."
      >
        <ApiTokensSection />
      </SettingsSection>
      <SettingsSection
        id="security-events"
        title="Recent security events"
        description="Sign-ins and changes to how you sign in, newest first."
      >
        <SecurityEventsSection />
      </SettingsSection>
    </div>
  );
}
