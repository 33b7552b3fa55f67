import type { Organization, OrganizationRole } from '../features/organizations/api/organizations-api';
import type { Route } from './http-server';

/** The organization "acme" as GET /api/v1/organizations/acme answers it to someone with the given role. */
export function sampleOrganization(role: OrganizationRole, overrides: Partial<Organization> = {}): Organization {
  return {
    id: '5d1c7e0a-0000-4000-8000-000000000001',
    slug: 'acme',
    name: 'Acme Corp',
    description: 'Rules for every repository',
    avatarUrl: null,
    websiteUrl: null,
    role,
    memberCount: 3,
    createdAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * What the /orgs/acme layout fetches around its pages: the organization (with the role, which decides the tabs) and,
 * for the header's organization switcher, the list of my organizations.
 */
export function organizationLayoutRoutes(role: OrganizationRole): Record<string, Route> {
  return {
    'GET /api/v1/organizations': { status: 200, body: { items: [sampleOrganization(role)] } },
    'GET /api/v1/organizations/acme': { status: 200, body: sampleOrganization(role) },
  };
}
