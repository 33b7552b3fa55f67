import { Link } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { InstanceDirectoryTable } from '../features/federation/components/InstanceDirectoryTable';
import '../features/federation/components/federation.css';
import { useInstanceDirectory } from '../features/federation/hooks/use-federation';
import { useInstanceManifest } from '../features/instance/hooks/use-instance-manifest';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';

/** The public directory of the instances whose blueprints this one shows beside its own. */
export function InstancesPage() {
  usePageTitle('Instances');
  const directory = useInstanceDirectory();
  const { data: manifest } = useInstanceManifest();

  return (
    <div className="federation">
      <h1 className="page-title">Instances</h1>
      <p className="federation__intro">
        {manifest?.name ?? 'This instance'} shares its public blueprints with other LynxPrompt instances, and shows
        theirs in the <Link to="/blueprints">catalogue</Link>. Blueprints from an unsigned (legacy) instance could not
        be verified.
      </p>
      <section aria-label="Federated instances" aria-busy={directory.isFetching}>
        {directory.data ? (
          directory.data.length === 0 ? (
            <p className="empty-state">This instance does not federate with any other instance yet.</p>
          ) : (
            <InstanceDirectoryTable entries={directory.data} />
          )
        ) : directory.isPending ? (
          <LoadingState label="Loading the instances…" />
        ) : (
          <ApiErrorNotice
            title="The instance directory could not be loaded"
            error={directory.error}
            onRetry={() => void directory.refetch()}
            retrying={directory.isFetching}
          />
        )}
      </section>
    </div>
  );
}
