import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type OrganizationRole = 'owner' | 'admin' | 'member' | 'viewer';

/** An organization the signed-in person belongs to, as GET /api/v1/organizations lists it (only what we use). */
export interface MyOrganization {
  slug: string;
  name: string;
  avatarUrl: string | null;
  role: OrganizationRole;
}

interface OrganizationListBody {
  items: MyOrganization[];
}

/**
 * The caller's organizations with their role. The route comes with the organizations API (branch h-orgs-api): until
 * the generated contract knows it, the path is typed here by hand; once it does, drop the cast.
 */
export async function listMyOrganizations(client: ApiClient, signal?: AbortSignal): Promise<MyOrganization[]> {
  const untyped = client as unknown as {
    GET: (path: string, init: { signal?: AbortSignal }) => Promise<{ data?: OrganizationListBody; response: Response }>;
  };
  const list = await callApi(untyped.GET('/api/v1/organizations', { signal }));
  return list.items.map(({ slug, name, avatarUrl, role }) => ({ slug, name, avatarUrl, role }));
}

export interface TransferInput {
  /** The organization to give it to, or null for the caller's own account. */
  organization: string | null;
  /** A new slug, when the current one is taken where it goes (blueprints only). */
  slug?: string;
}

export function transferBlueprint(
  client: ApiClient,
  blueprint: { id: string; revision: number },
  input: TransferInput,
) {
  return callApi(
    client.POST('/api/v1/blueprints/{id}/transfer', {
      params: { path: { id: blueprint.id } },
      // The route honours If-Match (a change made meanwhile answers 412) though the contract does not declare it.
      headers: { 'If-Match': `"r${blueprint.revision}"` },
      body: input,
    }),
  );
}

export function transferHierarchy(client: ApiClient, id: string, organization: string | null) {
  return callApi(
    client.POST('/api/v1/hierarchies/{id}/transfer', { params: { path: { id } }, body: { organization } }),
  );
}
