import type { ApiClient, paths } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

const TOKENS = '/api/v1/organizations/{slug}/tokens';

export function listOrganizationTokens(client: ApiClient, slug: string, signal?: AbortSignal) {
  return callApi(client.GET(TOKENS, { params: { path: { slug } }, signal }));
}

export type OrganizationToken = Awaited<ReturnType<typeof listOrganizationTokens>>[number];

export type NewOrganizationToken = paths[typeof TOKENS]['post']['requestBody']['content']['application/json'];
export type OrganizationTokenScope = 'blueprints:read' | 'blueprints:write';

/** The answer carries the token itself: the only time it is ever shown. */
export function createOrganizationToken(client: ApiClient, slug: string, input: NewOrganizationToken) {
  return callApi(client.POST(TOKENS, { params: { path: { slug } }, body: input }));
}

export type CreatedOrganizationToken = Awaited<ReturnType<typeof createOrganizationToken>>;

export async function revokeOrganizationToken(client: ApiClient, slug: string, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/organizations/{slug}/tokens/{id}', { params: { path: { slug, id } } }));
}
