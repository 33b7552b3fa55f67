import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type LinkableProvider = 'github' | 'google' | 'oidc';

export function listIdentities(client: ApiClient, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/account/identities', { signal }));
}

export type Identity = Awaited<ReturnType<typeof listIdentities>>[number];

/** Starts linking: the answer is the provider's authorization URL, where the browser goes next. */
export async function startLinking(client: ApiClient, provider: LinkableProvider): Promise<string> {
  const { url } = await callApi(
    client.POST('/api/v1/account/identities/{provider}/link', { params: { path: { provider } } }),
  );
  return url;
}

export async function unlinkIdentity(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/account/identities/{id}', { params: { path: { id } } }));
}
