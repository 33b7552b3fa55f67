import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { saveFile } from '../../../shared/save-file';
import {
  deleteBlueprint,
  downloadBlueprint,
  forkBlueprint,
  type ForkInput,
  getAttachedFile,
  getBlueprint,
  getDiff,
  getVersion,
  listFormats,
  listVersions,
  publishBlueprint,
  renderBlueprint,
  restoreVersion,
  setFavorite,
  stripInvisible,
  unpublishBlueprint,
  type DownloadInput,
  type PublishInput,
  type RenderInput,
  type RestoreInput,
} from '../api/blueprints-api';
import type {
  BlueprintDetail,
  FavoriteState,
  FormatTarget,
  RenderedFile,
  VersionDetail,
  VersionDiff,
  VersionSummary,
} from '../api/blueprint-types';

export function useBlueprint(id: string) {
  const client = useApiClient();
  return useQuery<BlueprintDetail, ApiError>({
    queryKey: queryKeys.blueprints.detail(id),
    queryFn: ({ signal }) => getBlueprint(client, id, signal),
  });
}

export function useVersions(id: string) {
  const client = useApiClient();
  return useQuery<VersionSummary[], ApiError>({
    queryKey: queryKeys.blueprints.versions(id),
    queryFn: ({ signal }) => listVersions(client, id, signal),
  });
}

export function useVersion(id: string, number: number | undefined) {
  const client = useApiClient();
  return useQuery<VersionDetail, ApiError>({
    queryKey: queryKeys.blueprints.version(id, number ?? 0),
    queryFn: ({ signal }) => getVersion(client, id, number ?? 0, signal),
    enabled: number !== undefined,
  });
}

export function useDiff(id: string, range: { from: number; to: number } | undefined) {
  const client = useApiClient();
  return useQuery<VersionDiff, ApiError>({
    queryKey: queryKeys.blueprints.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: ({ signal }) => getDiff(client, id, range?.from ?? 0, range?.to ?? 0, signal),
    enabled: range !== undefined,
  });
}

/** The export registry changes only with a deployment: read it once per visit. */
export function useFormats() {
  const client = useApiClient();
  return useQuery<FormatTarget[], ApiError>({
    queryKey: queryKeys.formats.list(),
    queryFn: ({ signal }) => listFormats(client, signal),
    staleTime: Infinity,
  });
}

export function useRender(id: string) {
  const client = useApiClient();
  return useMutation<RenderedFile, ApiError, RenderInput>({
    mutationFn: (input) => renderBlueprint(client, id, input),
  });
}

/**
 * What converting the blueprint as shown (this revision) to `format` changes, fetched as soon as a target is chosen so
 * the reader sees it before any download. Values are left out: they fill placeholders, the report is about fields.
 */
export function useConversion(id: string, revision: number, format: string) {
  const client = useApiClient();
  return useQuery<RenderedFile, ApiError>({
    queryKey: queryKeys.blueprints.conversion(id, revision, format),
    queryFn: () => renderBlueprint(client, id, { format }),
    enabled: format !== '',
    staleTime: Infinity,
    // A new revision of the same target keeps showing the last report until the new one arrives; another target never.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey.at(-1) === format ? previous : undefined),
  });
}

/** One attached text file of a skill, fetched when the reader opens it. */
export function useAttachedFile(id: string, file: { path: string; version: number } | undefined) {
  const client = useApiClient();
  return useQuery<string, ApiError>({
    queryKey: queryKeys.blueprints.attachedFile(id, file?.version ?? 0, file?.path ?? ''),
    queryFn: ({ signal }) => getAttachedFile(client, id, file!, signal),
    enabled: file !== undefined,
    staleTime: Infinity,
  });
}

/** Fetches the filled file and hands it to the browser's downloads. */
export function useDownload(id: string) {
  const client = useApiClient();
  return useMutation<void, ApiError, DownloadInput>({
    mutationFn: async (input) => {
      const { blob, fileName } = await downloadBlueprint(client, id, input);
      saveFile(blob, fileName);
    },
  });
}

/** After a write answered with the new detail: show it at once, and refresh what lists or counts it. */
export function storeDetail(queryClient: QueryClient, detail: BlueprintDetail): Promise<unknown> {
  queryClient.setQueryData(queryKeys.blueprints.detail(detail.id), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.blueprints.versions(detail.id) }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.blueprints.all, 'catalog'] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.account.myBlueprints() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.account.organizationContent() }),
  ]);
}

export function useToggleFavorite(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<FavoriteState, ApiError, boolean>({
    mutationFn: (favorite) => setFavorite(client, id, favorite),
    onSuccess: (state) => {
      queryClient.setQueryData<BlueprintDetail>(queryKeys.blueprints.detail(id), (current) =>
        current ? { ...current, isFavorite: state.favorite, favoriteCount: state.favoriteCount } : current,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.account.favorites() });
    },
  });
}

export function useFork(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<BlueprintDetail, ApiError, ForkInput | undefined>({
    mutationFn: (input) => forkBlueprint(client, id, input),
    onSuccess: (fork) => storeDetail(queryClient, fork),
  });
}

/** The owner's actions on a blueprint; each sends If-Match with the revision the page shows. */
export function useOwnerActions(detail: BlueprintDetail | undefined) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const onSuccess = (next: BlueprintDetail) => storeDetail(queryClient, next);
  const need = () => {
    if (!detail) throw new Error('The blueprint is not loaded yet.');
    return detail;
  };
  return {
    publish: useMutation<BlueprintDetail, ApiError, PublishInput>({
      mutationFn: (input) => publishBlueprint(client, need(), input),
      onSuccess,
    }),
    unpublish: useMutation<BlueprintDetail, ApiError, void>({
      mutationFn: () => unpublishBlueprint(client, need()),
      onSuccess,
    }),
    restore: useMutation<BlueprintDetail, ApiError, RestoreInput>({
      mutationFn: (input) => restoreVersion(client, need(), input),
      onSuccess,
    }),
    strip: useMutation<BlueprintDetail, ApiError, void>({
      mutationFn: () => stripInvisible(client, need()),
      onSuccess,
    }),
    remove: useMutation<void, ApiError, void>({
      mutationFn: () => deleteBlueprint(client, need()),
      onSuccess: () => {
        const current = need();
        queryClient.removeQueries({ queryKey: queryKeys.blueprints.detail(current.id) });
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: [...queryKeys.blueprints.all, 'catalog'] }),
          queryClient.invalidateQueries({ queryKey: queryKeys.account.myBlueprints() }),
          queryClient.invalidateQueries({ queryKey: queryKeys.account.organizationContent() }),
        ]);
      },
    }),
  };
}

/** Refetches the detail, e.g. after a 412 told us it changed elsewhere. */
export function useReloadBlueprint(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.refetchQueries({ queryKey: queryKeys.blueprints.detail(id), exact: true });
}
