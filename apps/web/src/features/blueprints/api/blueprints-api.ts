import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import { attachmentFileName } from '../../../shared/save-file';
import { etagOf, type BlueprintDetail, type FavoriteState } from './blueprint-types';

/** What the caller may see: the owner gets the draft unless `published` is asked for. */
export function getBlueprint(client: ApiClient, id: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/blueprints/{id}', { params: { path: { id } }, signal }));
}

export async function listVersions(client: ApiClient, id: string, signal?: AbortSignal) {
  const page = await callApi(client.GET('/api/v1/blueprints/{id}/versions', { params: { path: { id } }, signal }));
  return page.items;
}

export function getVersion(client: ApiClient, id: string, number: number, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/blueprints/{id}/versions/{number}', { params: { path: { id, number } }, signal }));
}

export function getDiff(client: ApiClient, id: string, from: number, to: number, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/blueprints/{id}/diff', { params: { path: { id }, query: { from, to } }, signal }));
}

export type RenderInput = components['schemas']['RenderRequest'];

/** Fills the variables (request values, then saved ones, then defaults) in the chosen format; nothing is stored. */
export function renderBlueprint(client: ApiClient, id: string, input: RenderInput) {
  return callApi(client.POST('/api/v1/blueprints/{id}/render', { params: { path: { id } }, body: input }));
}

/** One attached file of a skill, as text (only utf8 files are shown; base64 ones are binary). */
export async function getAttachedFile(
  client: ApiClient,
  id: string,
  file: { path: string; version: number },
  signal?: AbortSignal,
): Promise<string> {
  const call = client.GET('/api/v1/blueprints/{id}/files', {
    params: { path: { id }, query: { path: file.path, version: file.version } },
    parseAs: 'text',
    signal,
  });
  return (await callApi(call)) as unknown as string;
}

export async function listFormats(client: ApiClient, signal?: AbortSignal) {
  const list = await callApi(client.GET('/api/v1/formats', { signal }));
  return list.items;
}

export type DownloadInput = components['schemas']['DownloadRequest'];

/**
 * The file with the reader's values filled in (then saved values, then defaults), as the server sends it: an
 * attachment, counted as a download. A POST, so the values (often secrets) never sit in a URL.
 */
export async function downloadBlueprint(
  client: ApiClient,
  id: string,
  input: DownloadInput,
): Promise<{ blob: Blob; fileName: string }> {
  const call = client.POST('/api/v1/blueprints/{id}/download', {
    params: { path: { id } },
    body: input,
    parseAs: 'blob',
  });
  const blob = (await callApi(call)) as unknown as Blob;
  const { response } = await call;
  return { blob, fileName: attachmentFileName(response.headers.get('Content-Disposition'), 'blueprint') };
}

export function setFavorite(client: ApiClient, id: string, favorite: boolean): Promise<FavoriteState> {
  const init = { params: { path: { id } } };
  return favorite
    ? callApi(client.PUT('/api/v1/blueprints/{id}/favorite', init))
    : callApi(client.DELETE('/api/v1/blueprints/{id}/favorite', init));
}

export type ForkInput = components['schemas']['ForkRequest'];

/** A copy owned by the caller, or by the organization named in `organization`. */
export function forkBlueprint(client: ApiClient, id: string, input: ForkInput = {}) {
  return callApi(client.POST('/api/v1/blueprints/{id}/fork', { params: { path: { id } }, body: input }));
}

/**
 * The path and If-Match of an owner write: every write names the revision it was based on, so a concurrent change
 * answers 412 instead of being lost.
 */
function ownerWrite(detail: Pick<BlueprintDetail, 'id' | 'revision'>) {
  return { path: { id: detail.id }, header: { 'If-Match': etagOf(detail) } };
}

export type PublishInput = components['schemas']['PublishRequest'];

export function publishBlueprint(client: ApiClient, detail: BlueprintDetail, input: PublishInput = {}) {
  return callApi(client.POST('/api/v1/blueprints/{id}/publish', { params: ownerWrite(detail), body: input }));
}

export function unpublishBlueprint(client: ApiClient, detail: BlueprintDetail) {
  return callApi(client.POST('/api/v1/blueprints/{id}/unpublish', { params: ownerWrite(detail) }));
}

export type RestoreInput = components['schemas']['RestoreRequest'] & { version: number };

export function restoreVersion(client: ApiClient, detail: BlueprintDetail, { version, ...body }: RestoreInput) {
  const { path, header } = ownerWrite(detail);
  return callApi(
    client.POST('/api/v1/blueprints/{id}/versions/{number}/restore', {
      params: { path: { ...path, number: version }, header },
      body,
    }),
  );
}

export function stripInvisible(client: ApiClient, detail: BlueprintDetail) {
  return callApi(client.POST('/api/v1/blueprints/{id}/strip-invisible', { params: ownerWrite(detail) }));
}

export async function deleteBlueprint(client: ApiClient, detail: BlueprintDetail): Promise<void> {
  await callApi(client.DELETE('/api/v1/blueprints/{id}', { params: ownerWrite(detail) }));
}
