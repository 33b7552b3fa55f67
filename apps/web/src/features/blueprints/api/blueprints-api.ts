import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
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

export async function listFormats(client: ApiClient, signal?: AbortSignal) {
  const list = await callApi(client.GET('/api/v1/formats', { signal }));
  return list.items;
}

/** A plain link (same origin): the browser downloads the attachment, and the server counts the download. */
export function exportUrl(id: string, format: string, archive?: 'zip'): string {
  const query = new URLSearchParams({ format });
  if (archive) query.set('archive', archive);
  return `/api/v1/blueprints/${encodeURIComponent(id)}/export?${query.toString()}`;
}

/** The same download without what the scanner flags as hidden (invisible characters, flagged HTML comments). */
export function strippedExportUrl(id: string, format: string, archive?: 'zip'): string {
  return `${exportUrl(id, format, archive)}&strip=hidden`;
}

export function setFavorite(client: ApiClient, id: string, favorite: boolean): Promise<FavoriteState> {
  const init = { params: { path: { id } } };
  return favorite
    ? callApi(client.PUT('/api/v1/blueprints/{id}/favorite', init))
    : callApi(client.DELETE('/api/v1/blueprints/{id}/favorite', init));
}

export function forkBlueprint(client: ApiClient, id: string, name?: string) {
  return callApi(client.POST('/api/v1/blueprints/{id}/fork', { params: { path: { id } }, body: name ? { name } : {} }));
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
