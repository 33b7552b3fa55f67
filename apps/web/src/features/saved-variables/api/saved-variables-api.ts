import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

/** A personal value for a template variable; stored encrypted by the server, used by render when signed in. */
export type SavedVariable = components['schemas']['SavedVariable'];

export async function listSavedVariables(client: ApiClient, signal?: AbortSignal) {
  const list = await callApi(client.GET('/api/v1/me/variables', { signal }));
  return list.items;
}

export function putSavedVariable(client: ApiClient, name: string, value: string) {
  return callApi(client.PUT('/api/v1/me/variables/{name}', { params: { path: { name } }, body: { value } }));
}

export async function deleteSavedVariable(client: ApiClient, name: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/me/variables/{name}', { params: { path: { name } } }));
}

/** Names as the template syntax allows them, compared case-insensitively (the API answers them upper-case). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function canonicalName(name: string): string {
  return name.trim().toUpperCase();
}
