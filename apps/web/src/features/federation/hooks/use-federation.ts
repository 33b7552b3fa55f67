import { useMutation, useQueries, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { BlueprintDetail } from '../../blueprints/api/blueprint-types';
import {
  addDomainRule,
  addPeer,
  approvePeerKey,
  crawlPeer,
  getFederationSettings,
  getPeer,
  listDomainRules,
  listInstanceDirectory,
  listPeers,
  removeDomainRule,
  removePeer,
  rotateInstanceKey,
  setRemoteBlueprintHidden,
  updateFederationSettings,
} from '../api/federation-api';
import type {
  CrawlRun,
  DomainRule,
  FederationSettings,
  InstanceDirectoryEntry,
  InstanceKey,
  NewDomainRule,
  PeerDetail,
  PeerView,
  RemoteModeration,
} from '../api/federation-types';

/** The public instance directory (the catalogue's instance filter and the Instances page). */
export function useInstanceDirectory() {
  const client = useApiClient();
  return useQuery<InstanceDirectoryEntry[], ApiError>({
    queryKey: queryKeys.federation.directory(),
    queryFn: ({ signal }) => listInstanceDirectory(client, signal),
    staleTime: 30_000,
  });
}

/** What a change of peers or rules can change elsewhere: the directory and every catalogue page. */
function refreshFederatedViews(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.federation.directory() }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.blueprints.all, 'catalog'] }),
  ]);
}

// ---- Peers and their crawls ----

/** A crawl asked for from this page: done once the peer reports a newer run that is no longer running. */
export interface CrawlWatch {
  previousRunId: string | null;
  since: number;
}

/** How long the page polls for the result of a queued crawl before it stops asking. */
export const CRAWL_WATCH_LIMIT_MS = 2 * 60_000;
export const CRAWL_POLL_MS = 1_500;

/** Whether `latest` (the peer's newest run) is the finished result of the crawl `watch` waits for. */
export function runFinished(latest: Pick<CrawlRun, 'id' | 'outcome'> | null | undefined, watch: CrawlWatch): boolean {
  return Boolean(latest && latest.id !== watch.previousRunId && latest.outcome !== 'running');
}

export function crawlFinished(peer: PeerView | undefined, watch: CrawlWatch): boolean {
  return runFinished(peer?.latestRun, watch);
}

/**
 * The peers table's data: the list, and "crawl now" with the wait for its result. A crawl runs on the worker, so
 * while a crawl asked for here has no result, the peer's own crawl state (its detail, with its runs) is polled; the
 * moment its run finishes, the list, the crawl log, the directory and the catalogue are read again.
 */
export function usePeers() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [watches, setWatches] = useState<Record<string, CrawlWatch>>({});

  const peers = useQuery<PeerView[], ApiError>({
    queryKey: queryKeys.account.federationPeers(),
    queryFn: ({ signal }) => listPeers(client, signal),
  });

  const watched = Object.entries(watches);
  const details = useQueries({
    queries: watched.map(([id, watch]) => ({
      queryKey: queryKeys.account.federationPeer(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getPeer(client, id, signal),
      refetchInterval: (query: Query<PeerDetail, ApiError>) =>
        Date.now() - watch.since < CRAWL_WATCH_LIMIT_MS && !runFinished(query.state.data?.runs[0], watch)
          ? CRAWL_POLL_MS
          : false,
    })),
  });

  // The latest run is read just before queueing (the list on screen may be older), so the result of this crawl is
  // told apart from earlier ones. A run still going then is waited for: a crawl asked for meanwhile joins it.
  const crawl = useMutation<CrawlWatch, ApiError, PeerView>({
    mutationFn: async (peer) => {
      const before = await getPeer(client, peer.id);
      await crawlPeer(client, peer.id);
      const latest = before.runs[0];
      return { previousRunId: latest && latest.outcome !== 'running' ? latest.id : null, since: Date.now() };
    },
    onSuccess: (watch, peer) => {
      setWatches((current) => ({ ...current, [peer.id]: watch }));
      // Given up on after a while: the page stops saying "queued" even if no result ever comes.
      setTimeout(
        () =>
          setWatches((current) => {
            if (current[peer.id] !== watch) return current;
            const { [peer.id]: _expired, ...rest } = current;
            return rest;
          }),
        CRAWL_WATCH_LIMIT_MS,
      );
      // Read at once: the next poll starts from a fresh state.
      void queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeer(peer.id), exact: true });
    },
  });

  /** Whether a watched crawl has its result: by the peer's own runs (read after it was asked for), or the list. */
  const finished = (id: string, watch: CrawlWatch): boolean => {
    const index = watched.findIndex(([watchedId]) => watchedId === id);
    const detail = index >= 0 ? details[index] : undefined;
    const fresh = detail?.data !== undefined && detail.dataUpdatedAt >= watch.since;
    return (
      (fresh && runFinished(detail.data?.runs[0], watch)) ||
      crawlFinished(
        peers.data?.find((peer) => peer.id === id),
        watch,
      )
    );
  };

  // When a crawl asked for here finishes, everything it may have changed is read again, once.
  const handled = useRef(new Set<string>());
  const done = watched.filter(([id, watch]) => finished(id, watch)).map(([id, watch]) => `${id}@${watch.since}`);
  const doneKey = done.join(',');
  useEffect(() => {
    const fresh = doneKey.split(',').filter((key) => key && !handled.current.has(key));
    if (fresh.length === 0) return;
    for (const key of fresh) handled.current.add(key);
    void queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() });
    void refreshFederatedViews(queryClient);
  }, [doneKey, queryClient]);

  /** A crawl of this peer was queued from this page and has no result yet. */
  const crawling = (peer: PeerView) => {
    const watch = watches[peer.id];
    return watch !== undefined && !finished(peer.id, watch);
  };

  return { peers, crawl, crawling };
}

export function usePeerDetail(id: string) {
  const client = useApiClient();
  return useQuery<PeerDetail, ApiError>({
    queryKey: queryKeys.account.federationPeer(id),
    queryFn: ({ signal }) => getPeer(client, id, signal),
  });
}

export function useAddPeer() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<PeerView, ApiError, string>({
    mutationFn: (domain) => addPeer(client, domain),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() }),
        refreshFederatedViews(queryClient),
      ]),
  });
}

export function useApprovePeerKey() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<PeerView, ApiError, string>({
    mutationFn: (id) => approvePeerKey(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() }),
  });
}

export function useRemovePeer() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => removePeer(client, id),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.account.federationPeer(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() }),
        refreshFederatedViews(queryClient),
      ]);
    },
  });
}

// ---- Domain rules, settings and the instance key ----

/** After a rule or setting changed: peers' policy and state follow at once, and so do the listings. */
function refreshAfterPolicyChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.account.federationRules() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() }),
    refreshFederatedViews(queryClient),
  ]);
}

export function useDomainRules() {
  const client = useApiClient();
  return useQuery<DomainRule[], ApiError>({
    queryKey: queryKeys.account.federationRules(),
    queryFn: ({ signal }) => listDomainRules(client, signal),
  });
}

export function useAddDomainRule() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<DomainRule, ApiError, NewDomainRule>({
    mutationFn: (rule) => addDomainRule(client, rule),
    onSuccess: () => refreshAfterPolicyChange(queryClient),
  });
}

export function useRemoveDomainRule() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => removeDomainRule(client, id),
    onSuccess: () => refreshAfterPolicyChange(queryClient),
  });
}

export function useFederationSettings() {
  const client = useApiClient();
  return useQuery<FederationSettings, ApiError>({
    queryKey: queryKeys.account.federationSettings(),
    queryFn: ({ signal }) => getFederationSettings(client, signal),
  });
}

export function useUpdateFederationSettings() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<FederationSettings, ApiError, Partial<FederationSettings>>({
    mutationFn: (changes) => updateFederationSettings(client, changes),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.account.federationSettings(), settings);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.account.federationPeers() }),
        refreshFederatedViews(queryClient),
      ]);
    },
  });
}

export function useRotateInstanceKey() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<InstanceKey, ApiError, void>({
    mutationFn: () => rotateInstanceKey(client),
    // The manifest publishes the key.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.instance.manifest() }),
  });
}

// ---- Moderation of remote blueprints ----

/** Hide or unhide another instance's blueprint (admins): the page shows the new state, the listings follow. */
export function useSetRemoteHidden(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<RemoteModeration, ApiError, boolean>({
    mutationFn: (hidden) => setRemoteBlueprintHidden(client, id, hidden),
    onSuccess: (moderation) => {
      queryClient.setQueryData<BlueprintDetail>(queryKeys.blueprints.detail(id), (current) =>
        current ? { ...current, origin: { ...current.origin, hidden: moderation.hidden } } : current,
      );
      return queryClient.invalidateQueries({ queryKey: [...queryKeys.blueprints.all, 'catalog'] });
    },
  });
}
