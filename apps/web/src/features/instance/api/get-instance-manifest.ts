import type { ApiClient, InstanceManifest } from '@lynxprompt/api-contract';
import { apiErrorFromResponse, apiErrorFromThrown } from '../../../shared/api/api-error';

/** Fetches this instance's federation manifest; rejects with an ApiError on any failure. */
export async function getInstanceManifest(client: ApiClient, signal?: AbortSignal): Promise<InstanceManifest> {
  const { data, error, response } = await client
    .GET('/.well-known/lynxprompt.json', { signal })
    .catch((cause: unknown) => Promise.reject(apiErrorFromThrown(cause)));
  if (!response.ok || data === undefined) throw apiErrorFromResponse(error, response);
  return data;
}
