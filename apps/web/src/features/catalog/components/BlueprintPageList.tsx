import type { ReactNode } from 'react';
import type { BlueprintSummary } from '../../blueprints/api/blueprint-types';
import { useFormats } from '../../blueprints/hooks/use-blueprint';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import { BlueprintCard } from './BlueprintCard';

/** What the list needs of a paged blueprint query (TanStack Query's infinite query result). */
export interface PagedBlueprints {
  data?: { pages: readonly { items: readonly BlueprintSummary[] }[] };
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch(): Promise<unknown>;
  fetchNextPage(): Promise<unknown>;
}

interface BlueprintPageListProps {
  query: PagedBlueprints;
  /** Shown when the query answered no blueprints at all. */
  empty: ReactNode;
  loadingLabel: string;
  errorTitle: string;
  /** Offer a retry when loading failed. */
  retry?: boolean;
  /** The list's accessible name, where the surrounding section does not give it one. */
  listLabel?: string;
  showState?: boolean;
  headingLevel?: 2 | 3;
  moreLabel?: string;
}

/**
 * One paged list of blueprint cards: loading, the error (with a retry), an empty state, the cards and "Load more".
 * My blueprints, favourites, an organization's blueprints and a profile's all show theirs through it.
 */
export function BlueprintPageList({
  query,
  empty,
  loadingLabel,
  errorTitle,
  retry = true,
  listLabel,
  showState = false,
  headingLevel,
  moreLabel = 'Load more',
}: BlueprintPageListProps) {
  const { data: formats } = useFormats();
  const toolName = (tool: string) => formats?.find((format) => format.tool === tool)?.toolName;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {query.data ? (
        items.length === 0 ? (
          <p className="empty-state">{empty}</p>
        ) : (
          <ul className="bp-list" aria-label={listLabel}>
            {items.map((blueprint) => (
              <li key={blueprint.id}>
                <BlueprintCard
                  blueprint={blueprint}
                  toolName={toolName(blueprint.tool)}
                  headingLevel={headingLevel}
                  showState={showState}
                />
              </li>
            ))}
          </ul>
        )
      ) : query.isPending ? (
        <LoadingState label={loadingLabel} />
      ) : (
        <ApiErrorNotice
          title={errorTitle}
          error={query.error}
          {...(retry ? { onRetry: () => void query.refetch(), retrying: query.isFetching } : {})}
        />
      )}
      {query.hasNextPage && (
        <div>
          <button
            type="button"
            className="button button--secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? 'Loading…' : moreLabel}
          </button>
        </div>
      )}
    </>
  );
}
