import { Link } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { BlueprintPageList } from '../features/catalog/components/BlueprintPageList';
import '../features/catalog/components/catalog.css';
import { useMyBlueprints, useMyFavorites } from '../features/catalog/hooks/use-catalog';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { SettingsSection } from '../shared/components/SettingsSection';

export function MyBlueprintsPage() {
  usePageTitle('My blueprints');
  const mine = useMyBlueprints();
  const favorites = useMyFavorites();

  return (
    <div className="catalog">
      <div className="cluster">
        <h1 className="page-title">My blueprints</h1>
        <Link className="button button--primary" to="/blueprints/new">
          New blueprint
        </Link>
        <Link className="button button--secondary" to="/blueprints/import">
          Import files
        </Link>
      </div>
      <section className="catalog__results" aria-label="My blueprints" aria-busy={mine.isFetching}>
        <BlueprintPageList
          query={mine}
          empty="You have no blueprints yet. Create your first one."
          loadingLabel="Loading your blueprints…"
          errorTitle="Your blueprints could not be loaded"
          showState
        />
      </section>
      <SettingsSection title="Favourites">
        <BlueprintPageList
          query={favorites}
          empty="No favourites yet. Star blueprints in the catalogue to find them here."
          loadingLabel="Loading favourites…"
          errorTitle="Favourites could not be loaded"
          retry={false}
          listLabel="Favourites"
          headingLevel={3}
          moreLabel="More favourites"
        />
      </SettingsSection>
    </div>
  );
}
