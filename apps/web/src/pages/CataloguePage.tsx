import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { KIND_LABELS, type BlueprintKind } from '../features/blueprints/api/blueprint-types';
import '../features/blueprints/components/blueprint.css';
import { useFormats } from '../features/blueprints/hooks/use-blueprint';
import { ApproximateSearchNotice } from '../features/catalog/components/ApproximateSearchNotice';
import { BlueprintCard } from '../features/catalog/components/BlueprintCard';
import { CatalogSearchForm } from '../features/catalog/components/CatalogSearchForm';
import '../features/catalog/components/catalog.css';
import { FacetGroup } from '../features/catalog/components/FacetGroup';
import { InstanceFilter } from '../features/catalog/components/InstanceFilter';
import { hasFilters, readCatalogQuery, writeCatalogQuery, type CatalogQuery } from '../features/catalog/catalog-query';
import { useCatalog } from '../features/catalog/hooks/use-catalog';
import { useInstanceDirectory } from '../features/federation/hooks/use-federation';
import { useInstanceManifest } from '../features/instance/hooks/use-instance-manifest';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { LoadingState } from '../shared/components/LoadingState';
import { formatCount } from '../shared/format';

/** Location state of a page reached with "Next page": its number, and that "Previous page" can go back in history. */
interface PageState {
  catalogPage?: number;
}

export function CataloguePage() {
  usePageTitle('Catalogue');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useMemo(() => readCatalogQuery(params), [params]);
  const cursor = params.get('cursor') || undefined;
  const pageNumber = (location.state as PageState | null)?.catalogPage ?? (cursor ? undefined : 1);
  const { page, facets, approximate } = useCatalog(query, cursor);
  const { data: formats } = useFormats();
  const toolNames = useMemo(() => new Map(formats?.map((format) => [format.tool, format.toolName])), [formats]);
  // The instance filter's choices; without the directory it still offers "All" and "This instance".
  const { data: peers } = useInstanceDirectory();
  const { data: manifest } = useInstanceManifest();
  const ownDomain = manifest?.domain;

  /** Any change of filters starts again at the first page, as a new history entry so Back undoes it. */
  function apply(changes: Partial<CatalogQuery>) {
    const next = writeCatalogQuery({ ...query, ...changes }).toString();
    void navigate({ search: next ? `?${next}` : '' });
  }

  function single(key: 'kind' | 'tool' | 'category' | 'license') {
    return (value: string) => apply({ [key]: query[key] === value ? '' : value });
  }

  function toggleTag(tag: string) {
    apply({ tags: query.tags.includes(tag) ? query.tags.filter((value) => value !== tag) : [...query.tags, tag] });
  }

  function goToNext(nextCursor: string) {
    const state: PageState = { catalogPage: (pageNumber ?? 1) + 1 };
    void navigate({ search: `?${writeCatalogQuery(query, nextCursor).toString()}` }, { state });
  }

  const data = page.data;
  const firstPageSearch = writeCatalogQuery(query).toString();
  const sample = facets?.sample;

  return (
    <div className="catalog">
      <h1 className="page-title">Catalogue</h1>
      <CatalogSearchForm query={query} onSearch={apply} onSort={(sort) => apply({ sort })} />
      {hasFilters(query) && (
        <p className="catalog__active">
          <span>Filtered by</span>
          {query.q && <span className="badge">“{query.q}”</span>}
          {query.author && <span className="badge">@{query.author}</span>}
          {query.kind && <span className="badge">{KIND_LABELS[query.kind]}</span>}
          {query.tool && <span className="badge">{toolNames.get(query.tool) ?? query.tool}</span>}
          {query.category && <span className="badge">{query.category}</span>}
          {query.tags.map((tag) => (
            <span key={tag} className="badge">
              #{tag}
            </span>
          ))}
          {query.license && <span className="badge">{query.license}</span>}
          {query.instance && (
            <span className="badge">{query.instance === ownDomain ? 'This instance' : `From ${query.instance}`}</span>
          )}
          <Link to={query.sort ? `?sort=${query.sort}` : '/blueprints'}>Clear filters</Link>
        </p>
      )}
      <div className="catalog__body">
        <aside className="catalog__filters" aria-label="Filters">
          <InstanceFilter
            selected={query.instance}
            ownDomain={ownDomain}
            peers={peers}
            onChange={(instance) => apply({ instance })}
          />
          {sample && <p className="field__hint">Counts from a sample of {formatCount(sample.size)} matches</p>}
          <FacetGroup
            title="Kind"
            facets={facets?.kind}
            selected={query.kind ? [query.kind] : []}
            onToggle={single('kind')}
            sampled={sample !== undefined}
            labelOf={(value) => KIND_LABELS[value as BlueprintKind] ?? value}
          />
          <FacetGroup
            title="Tool"
            facets={facets?.tool}
            selected={query.tool ? [query.tool] : []}
            onToggle={single('tool')}
            sampled={sample !== undefined}
            labelOf={(value) => toolNames.get(value) ?? value}
          />
          <FacetGroup
            title="Category"
            facets={facets?.category}
            selected={query.category ? [query.category] : []}
            onToggle={single('category')}
            sampled={sample !== undefined}
          />
          <FacetGroup
            title="Tags"
            facets={facets?.tags}
            selected={query.tags}
            onToggle={toggleTag}
            sampled={sample !== undefined}
            labelOf={(value) => `#${value}`}
          />
          <FacetGroup
            title="Licence"
            facets={facets?.license}
            selected={query.license ? [query.license] : []}
            onToggle={single('license')}
            sampled={sample !== undefined}
          />
        </aside>
        <section className="catalog__results" aria-label="Results" aria-busy={page.isFetching}>
          {data ? (
            <>
              {approximate && (
                <ApproximateSearchNotice
                  typed={query.q}
                  approximation={approximate}
                  to={`?${writeCatalogQuery({ ...query, q: approximate.query }).toString()}`}
                />
              )}
              <p className="visually-hidden" role="status">
                {data.items.length === 0
                  ? 'No blueprints found'
                  : `${data.items.length} ${data.items.length === 1 ? 'blueprint' : 'blueprints'} on ${pageNumber ? `page ${pageNumber}` : 'this page'}`}
              </p>
              {data.items.length === 0 ? (
                <p className="empty-state">No blueprints match{hasFilters(query) ? ' these filters' : ' yet'}.</p>
              ) : (
                <ul className="bp-list">
                  {data.items.map((blueprint) => (
                    <li key={blueprint.id}>
                      <BlueprintCard blueprint={blueprint} toolName={toolNames.get(blueprint.tool)} />
                    </li>
                  ))}
                </ul>
              )}
              {(cursor || data.nextCursor) && (
                <nav className="pagination" aria-label="Pagination">
                  <div className="cluster">
                    {cursor && pageNumber !== undefined && pageNumber > 1 && (
                      <button type="button" className="button button--secondary" onClick={() => void navigate(-1)}>
                        Previous page
                      </button>
                    )}
                    {cursor && (
                      <Link
                        className="button button--secondary"
                        to={firstPageSearch ? `?${firstPageSearch}` : '/blueprints'}
                      >
                        First page
                      </Link>
                    )}
                  </div>
                  {pageNumber !== undefined && <span className="field__hint">Page {pageNumber}</span>}
                  {data.nextCursor && (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => goToNext(data.nextCursor ?? '')}
                    >
                      Next page
                    </button>
                  )}
                </nav>
              )}
            </>
          ) : page.isPending ? (
            <LoadingState label="Searching…" />
          ) : (
            <>
              <ApiErrorNotice
                title="The catalogue could not be loaded"
                error={page.error}
                onRetry={() => void page.refetch()}
                retrying={page.isFetching}
              />
              {cursor && (
                <p>
                  <Link to={firstPageSearch ? `?${firstPageSearch}` : '/blueprints'}>First page</Link>
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
