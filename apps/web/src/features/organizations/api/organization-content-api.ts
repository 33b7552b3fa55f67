import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type HierarchySummary = components['schemas']['HierarchySummary'];

export const ORGANIZATION_BLUEPRINTS_PAGE_SIZE = 20;

/**
 * One page of the organization's blueprints, as far as the caller may read them: all of them (drafts, private, team)
 * for Owners, Admins and Members; team, unlisted and public ones for Viewers. Latest change first.
 */
export function listOrganizationBlueprints(client: ApiClient, slug: string, cursor?: string, signal?: AbortSignal) {
  return callApi(
    client.GET('/api/v1/organizations/{slug}/blueprints', {
      params: { path: { slug }, query: { cursor, limit: ORGANIZATION_BLUEPRINTS_PAGE_SIZE } },
      signal,
    }),
  );
}

/** The organization's hierarchies the caller may see (the same summaries as GET /api/v1/me/hierarchies). */
export async function listOrganizationHierarchies(
  client: ApiClient,
  slug: string,
  signal?: AbortSignal,
): Promise<HierarchySummary[]> {
  return (await callApi(client.GET('/api/v1/organizations/{slug}/hierarchies', { params: { path: { slug } }, signal })))
    .items;
}
