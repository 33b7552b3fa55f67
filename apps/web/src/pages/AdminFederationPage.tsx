import { Link } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { AddPeerForm } from '../features/federation/components/AddPeerForm';
import { DomainRulesSection } from '../features/federation/components/DomainRulesSection';
import '../features/federation/components/federation.css';
import { FederationSettingsSection } from '../features/federation/components/FederationSettingsSection';
import { InstanceKeySection } from '../features/federation/components/InstanceKeySection';
import { PeersTable, PendingKeyWarnings } from '../features/federation/components/PeersTable';
import { usePeers } from '../features/federation/hooks/use-federation';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { useSession } from '../features/session/hooks/use-session';
import { AdministratorsOnly } from '../shared/components/AdministratorsOnly';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';

/** Federation administration (admins only); the route already requires a signed-in session. */
export function AdminFederationPage() {
  usePageTitle('Federation');
  const { data: session } = useSession();
  if (session?.user?.role !== 'admin') {
    return (
      <AdministratorsOnly>
        Federation is managed by the administrators of this instance. You can still browse the{' '}
        <Link to="/instances">instances</Link> it federates with.
      </AdministratorsOnly>
    );
  }
  return <FederationAdmin />;
}

function FederationAdmin() {
  const { peers, crawl, crawling } = usePeers();

  return (
    <div className="federation">
      <h1 className="page-title">Federation</h1>
      <p className="federation__intro">
        The instances this one crawls, what it lets through, and the key it signs its own catalogue with. The public
        view is the <Link to="/instances">instance directory</Link>.
      </p>

      <SettingsSection
        title="Peers"
        description="Instances whose public blueprints are crawled into this catalogue. New peers are verified at once."
      >
        <div className="stack">
          <AddPeerForm />
          {peers.data ? (
            <>
              <PendingKeyWarnings peers={peers.data} />
              {peers.data.length === 0 ? (
                <p className="empty-state">No peers yet. Add one by its domain.</p>
              ) : (
                <PeersTable peers={peers.data} crawl={crawl} crawling={crawling} />
              )}
            </>
          ) : peers.isPending ? (
            <LoadingState label="Loading the peers…" />
          ) : (
            <ApiErrorNotice
              title="The peers could not be loaded"
              error={peers.error}
              onRetry={() => void peers.refetch()}
              retrying={peers.isFetching}
            />
          )}
        </div>
      </SettingsSection>

      <SettingsSection
        title="Domain rules"
        description="Block a domain (never contacted, everything held from it deleted), silence it (crawled but not listed) or allow it (for allowlist mode)."
      >
        <DomainRulesSection />
      </SettingsSection>

      <SettingsSection title="Settings">
        <FederationSettingsSection />
      </SettingsSection>

      <SettingsSection
        title="Signing key"
        tone="danger"
        description="Every peer that pinned the current key stops crawling this instance until its administrators approve the new one. Rotate only when the key may be compromised."
      >
        <InstanceKeySection />
      </SettingsSection>
    </div>
  );
}
