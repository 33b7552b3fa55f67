import { Link } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import { useFormats } from '../features/blueprints/hooks/use-blueprint';
import { BlueprintCard } from '../features/catalog/components/BlueprintCard';
import '../features/catalog/components/catalog.css';
import { useMyBlueprints, useMyFavorites } from '../features/catalog/hooks/use-catalog';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { SettingsSection } from '../shared/components/SettingsSection';

export function MyBlueprintsPage() {
  usePageTitle('My blueprints');
  const mine = useMyBlueprints();
  const favorites = useMyFavorites();
  const { data: formats } = useFormats();
  const toolName = (tool: string) => formats?.find((format) => format.tool === tool)?.toolName;

  const items = mine.data?.pages.flatMap((page) => page.items) ?? [];
  const favoriteItems = favorites.data?.pages.flatMap((page) => page.items) ?? [];

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
        {mine.data ? (
          items.length === 0 ? (
            <p className="empty-state">You have no blueprints yet. Create your first one.</p>
          ) : (
            <ul className="bp-list">
              {items.map((blueprint) => (
                <li key={blueprint.id}>
                  <BlueprintCard blueprint={blueprint} toolName={toolName(blueprint.tool)} showState />
                </li>
              ))}
            </ul>
          )
        ) : mine.isPending ? (
          <LoadingState label="Loading your blueprints…" />
        ) : (
          <ApiErrorNotice
            title="Your blueprints could not be loaded"
            error={mine.error}
            onRetry={() => void mine.refetch()}
            retrying={mine.isFetching}
          />
        )}
        {mine.hasNextPage && (
          <div>
            <button
              type="button"
              className="button button--secondary"
              disabled={mine.isFetchingNextPage}
              onClick={() => void mine.fetchNextPage()}
            >
              {mine.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
      <SettingsSection title="Favourites">
        {favorites.data ? (
          favoriteItems.length === 0 ? (
            <p className="empty-state">No favourites yet. Star blueprints in the catalogue to find them here.</p>
          ) : (
            <ul className="bp-list" aria-label="Favourites">
              {favoriteItems.map((blueprint) => (
                <li key={blueprint.id}>
                  <BlueprintCard blueprint={blueprint} toolName={toolName(blueprint.tool)} headingLevel={3} />
                </li>
              ))}
            </ul>
          )
        ) : favorites.isPending ? (
          <LoadingState label="Loading favourites…" />
        ) : (
          <ApiErrorNotice title="Favourites could not be loaded" error={favorites.error} />
        )}
        {favorites.hasNextPage && (
          <div>
            <button
              type="button"
              className="button button--secondary"
              disabled={favorites.isFetchingNextPage}
              onClick={() => void favorites.fetchNextPage()}
            >
              {favorites.isFetchingNextPage ? 'Loading…' : 'More favourites'}
            </button>
          </div>
        )}
      </SettingsSection>
    </div>
  );
}
