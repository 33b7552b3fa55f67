import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import { createPasskey } from '../../../shared/api/webauthn';

export function listPasskeys(client: ApiClient, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/account/passkeys', { signal }));
}

export type Passkey = Awaited<ReturnType<typeof listPasskeys>>[number];

/** Asks the server for a challenge, lets the device create the passkey, then has the server verify and store it. */
export async function addPasskey(client: ApiClient, name: string) {
  const options = await callApi(client.POST('/api/v1/account/passkeys/registration/options'));
  const response = await createPasskey(options);
  return callApi(
    client.POST('/api/v1/account/passkeys/registration/verify', { body: { name, response: { ...response } } }),
  );
}

export function renamePasskey(client: ApiClient, id: string, name: string) {
  return callApi(client.PATCH('/api/v1/account/passkeys/{id}', { params: { path: { id } }, body: { name } }));
}

export async function deletePasskey(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/account/passkeys/{id}', { params: { path: { id } } }));
}
