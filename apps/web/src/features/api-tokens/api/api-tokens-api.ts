import type { ApiClient, paths } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export function listApiTokens(client: ApiClient, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/account/api-tokens', { signal }));
}

export type ApiToken = Awaited<ReturnType<typeof listApiTokens>>[number];

export type NewApiToken = paths['/api/v1/account/api-tokens']['post']['requestBody']['content']['application/json'];
export type ApiScope = NewApiToken['scopes'][number];

/** The answer carries the token itself: the only time it is ever shown. */
export function createApiToken(client: ApiClient, input: NewApiToken) {
  return callApi(client.POST('/api/v1/account/api-tokens', { body: input }));
}

export type CreatedApiToken = Awaited<ReturnType<typeof createApiToken>>;

export async function revokeApiToken(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/account/api-tokens/{id}', { params: { path: { id } } }));
}
