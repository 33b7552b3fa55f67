import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type SessionState = components['schemas']['SessionState'];
export type SessionUser = components['schemas']['SessionUser'];
export type SignInMethods = components['schemas']['SignInMethods'];

export function getSession(client: ApiClient, signal?: AbortSignal): Promise<SessionState> {
  return callApi(client.GET('/api/v1/auth/session', { signal }));
}

export async function signOut(client: ApiClient): Promise<void> {
  await callApi(client.POST('/api/v1/auth/sign-out'));
}
