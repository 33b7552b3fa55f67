import { Link } from 'react-router';
import { newBlueprintPath } from '../features/blueprint-editor/owner-param';
import '../features/blueprints/components/blueprint.css';
import { BlueprintPageList } from '../features/catalog/components/BlueprintPageList';
import '../features/catalog/components/catalog.css';
import { mayCreateIn } from '../features/content-owner/owner-rules';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import {
  useOrganizationBlueprints,
  useOrganizationHierarchies,
} from '../features/organizations/hooks/use-organization-content';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';
import { formatDate } from '../shared/format';

/**
 * /orgs/:slug/blueprints: the organization's blueprints (drafts, private and team ones included, as far as the role
 * may read them) and its hierarchies. Every member sees it; only those who create (Owner, Admin, Member) get the
 * "New blueprint" link.
 */
export function OrganizationBlueprintsPage() {
  const organization = useCurrentOrganization();
  return (
    <div className="settings__sections">
      <BlueprintsSection slug={organization.slug} name={organization.name} mayCreate={mayCreateIn(organization.role)} />
      <HierarchiesSection slug={organization.slug} name={organization.name} />
    </div>
  );
}

function BlueprintsSection({ slug, name, mayCreate }: { slug: string; name: string; mayCreate: boolean }) {
  const blueprints = useOrganizationBlueprints(slug);

  return (
    <SettingsSection
      title="Blueprints"
      description={`Blueprints that belong to ${name}, latest change first, with their visibility and publication state.`}
    >
      {mayCreate && (
        <div className="cluster">
          <Link className="button button--primary" to={newBlueprintPath(slug)}>
            New blueprint
          </Link>
        </div>
      )}
      <div className="catalog__results" aria-busy={blueprints.isFetching}>
        <BlueprintPageList
          query={blueprints}
          empty={
            mayCreate
              ? `${name} has no blueprints yet. Create the first one.`
              : `${name} has no blueprints you can see yet.`
          }
          loadingLabel="Loading the blueprints…"
          errorTitle="The blueprints could not be loaded"
          listLabel={`Blueprints of ${name}`}
          showState
          headingLevel={3}
        />
      </div>
    </SettingsSection>
  );
}

function HierarchiesSection({ slug, name }: { slug: string; name: string }) {
  const hierarchies = useOrganizationHierarchies(slug);
  return (
    <SettingsSection title="Hierarchies" description="Sets of blueprints laid out as a repository’s instruction files.">
      {hierarchies.data ? (
        hierarchies.data.length === 0 ? (
          <p className="empty-state">{name} has no hierarchies you can see yet.</p>
        ) : (
          <ul className="bp-list" aria-label={`Hierarchies of ${name}`}>
            {hierarchies.data.map((hierarchy) => (
              <li key={hierarchy.id}>
                <article className="bp-card">
                  <div className="bp-card__head">
                    <h3 className="bp-card__title">
                      <Link to={`/hierarchies/${hierarchy.id}`}>{hierarchy.name}</Link>
                    </h3>
                  </div>
                  {hierarchy.description && <p className="bp-card__description">{hierarchy.description}</p>}
                  <p className="bp-card__stats">
                    <span>
                      {hierarchy.blueprintCount} blueprint{hierarchy.blueprintCount === 1 ? '' : 's'}
                    </span>
                    <span>Updated {formatDate(hierarchy.updatedAt)}</span>
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )
      ) : hierarchies.isPending ? (
        <LoadingState label="Loading the hierarchies…" />
      ) : (
        <ApiErrorNotice
          title="The hierarchies could not be loaded"
          error={hierarchies.error}
          onRetry={() => void hierarchies.refetch()}
          retrying={hierarchies.isFetching}
        />
      )}
    </SettingsSection>
  );
}
