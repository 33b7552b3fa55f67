import type { OrganizationRole } from './api/organizations-api';

export const ROLES: ReadonlyArray<{ value: OrganizationRole; label: string; hint: string }> = [
  { value: 'owner', label: 'Owner', hint: 'Everything, including deleting the organization and managing Owners.' },
  {
    value: 'admin',
    label: 'Admin',
    hint: 'Members below Owner, invitations, settings, tokens, audit log, publishing.',
  },
  { value: 'member', label: 'Member', hint: 'Creates and edits the organization’s blueprints.' },
  { value: 'viewer', label: 'Viewer', hint: 'Reads the organization’s published team blueprints.' },
];

export const roleLabel = (role: OrganizationRole) => ROLES.find((entry) => entry.value === role)?.label ?? role;

/**
 * What the interface offers a role: a mirror of the permission matrix (docs/organizations.md) for showing and hiding
 * controls only. The API decides; a control shown by mistake gets a 403 with a clear code.
 */
export function offers(role: OrganizationRole) {
  const manager = role === 'owner' || role === 'admin';
  return {
    manageMembers: manager,
    invitations: manager,
    settings: manager,
    tokens: manager,
    audit: manager,
    /** The organization's plan, when the instance bills. */
    billing: manager,
    deleteOrganization: role === 'owner',
    /** Roles this role may give or take away. */
    assignable: role === 'owner' ? ROLES.map((entry) => entry.value) : manager ? ['admin', 'member', 'viewer'] : [],
  };
}
