import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { AuthorName } from '../features/blueprints/components/BlueprintBadges';
import { HierarchyTransfer } from '../features/content-owner/components/ContentTransfer';
import { profilePath } from '../features/profiles/profile-path';
import {
  hierarchyArchiveUrl,
  PLUGIN_EXPORT_TOOLS,
  pluginDownloadUrl,
} from '../features/hierarchies/api/hierarchies-api';
import { HierarchyTree } from '../features/hierarchies/components/HierarchyTree';
import '../features/hierarchies/components/hierarchy.css';
import { useHierarchy } from '../features/hierarchies/hooks/use-hierarchy';
import { buildTree } from '../features/hierarchies/tree';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';

export function HierarchyPage() {
  const { id = '' } = useParams();
  const { data: hierarchy, error, isPending, refetch, isFetching } = useHierarchy(id);
  const tree = useMemo(() => buildTree(hierarchy?.blueprints ?? []), [hierarchy]);
  usePageTitle(hierarchy?.name ?? 'Hierarchy');

  if (isPending) return <LoadingState label="Loading the hierarchy…" />;
  if (!hierarchy) {
    return (
      <ApiErrorNotice
        title="The hierarchy could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }

  return (
    <div className="blueprint">
      <header className="blueprint__header">
        <p className="blueprint__eyebrow">Hierarchy</p>
        <h1 className="blueprint__title">{hierarchy.name}</h1>
        {hierarchy.description && <p className="blueprint__description">{hierarchy.description}</p>}
        <p className="blueprint__lineage">
          By{' '}
          <Link to={profilePath(hierarchy.owner.handle)}>
            <AuthorName author={hierarchy.owner} />
          </Link>{' '}
          · {hierarchy.blueprints.length} blueprint
          {hierarchy.blueprints.length === 1 ? '' : 's'}
        </p>
        <p>
          <a className="button button--primary" href={hierarchyArchiveUrl(hierarchy.id)} download>
            Download all as zip
          </a>
        </p>
        {hierarchy.plugin && (
          <div className="cluster" role="group" aria-label="Download as plugin">
            <span>Download as plugin:</span>
            {PLUGIN_EXPORT_TOOLS.map(({ tool, label }) => (
              <a key={tool} className="button button--secondary" href={pluginDownloadUrl(hierarchy.id, tool)} download>
                {label}
              </a>
            ))}
          </div>
        )}
        {hierarchy.isOwner && <HierarchyTransfer hierarchy={hierarchy} />}
      </header>
      <SettingsSection title="Files" description="Each blueprint at its path in the repository, under its parent.">
        {tree.length > 0 ? (
          <HierarchyTree nodes={tree} label="Blueprints by repository path" />
        ) : (
          <p className="empty-state">This hierarchy has no blueprints yet.</p>
        )}
      </SettingsSection>
    </div>
  );
}
