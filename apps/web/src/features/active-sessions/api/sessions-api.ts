import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type ActiveSession = components['schemas']['ActiveSession'];

export function listSessions(client: ApiClient, signal?: AbortSignal): Promise<ActiveSession[]> {
  return callApi(client.GET('/api/v1/account/sessions', { signal }));
}

export async function revokeSession(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/account/sessions/{id}', { params: { path: { id } } }));
}

export function revokeOtherSessions(client: ApiClient) {
  return callApi(client.POST('/api/v1/account/sessions/revoke-others'));
}
