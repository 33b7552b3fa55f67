import type { MyOrganization } from './api/owner-api';

/** My organizations as GET /api/v1/organizations lists them, one per role that matters to content. */
export const acme: MyOrganization = { slug: 'acme', name: 'Acme Corp', avatarUrl: null, role: 'admin' };
export const beta: MyOrganization = { slug: 'beta', name: 'Beta Labs', avatarUrl: null, role: 'member' };
export const gamma: MyOrganization = { slug: 'gamma', name: 'Gamma Guild', avatarUrl: null, role: 'viewer' };

export function organizationsRoute(items: MyOrganization[]) {
  return { status: 200, body: { items } };
}
