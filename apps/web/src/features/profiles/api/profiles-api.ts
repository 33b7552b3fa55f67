import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type Profile = components['schemas']['Profile'];

export const PROFILE_PAGE_SIZE = 20;

/** A user or an organization by handle (without the `@`). */
export function getProfile(client: ApiClient, handle: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/profiles/{handle}', { params: { path: { handle } }, signal }));
}

/** Its listed blueprints (public and published), newest first. */
export function listProfileBlueprints(client: ApiClient, handle: string, cursor?: string, signal?: AbortSignal) {
  return callApi(
    client.GET('/api/v1/profiles/{handle}/blueprints', {
      params: { path: { handle }, query: { cursor, limit: PROFILE_PAGE_SIZE } },
      signal,
    }),
  );
}
