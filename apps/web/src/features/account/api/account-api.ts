import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export interface ProfileChanges {
  displayName?: string;
  handle?: string;
}

export function updateProfile(client: ApiClient, changes: ProfileChanges) {
  return callApi(client.PATCH('/api/v1/account', { body: changes }));
}

/** Sends a confirmation link to the new address; the change happens when that link is followed. */
export async function requestEmailChange(client: ApiClient, email: string): Promise<void> {
  await callApi(client.POST('/api/v1/account/email', { body: { email } }));
}

export function verifyEmailChange(client: ApiClient, token: string) {
  return callApi(client.POST('/api/v1/account/email/verify', { body: { token } }));
}

export async function deleteAccount(client: ApiClient): Promise<void> {
  await callApi(client.DELETE('/api/v1/account'));
}
