import { useOutletContext } from 'react-router';
import type { Organization } from '../api/organizations-api';

/** The organization of the /orgs/:slug page around this route (OrganizationLayout provides it, with your role). */
export function useCurrentOrganization(): Organization {
  return useOutletContext<Organization>();
}
