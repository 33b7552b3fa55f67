import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { Organization, OrganizationRole } from '../../organizations/api/organizations-api';

/** An organization I belong to, with my role there: what owner choice and transfer need of GET /api/v1/organizations. */
export type MyOrganization = Pick<Organization, 'slug' | 'name' | 'avatarUrl' | 'role'>;
export type { OrganizationRole };

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
