import { BillingOverview } from '../features/billing/components/BillingOverview';
import { useBillingEnabled } from '../features/billing/hooks/use-billing';
import { useCurrentOrganization } from '../features/organizations/hooks/use-current-organization';
import { NotFoundPage } from './NotFoundPage';

/** /orgs/:slug/billing: the organization's plan, for its Owners and Admins (the API refuses anyone else). */
export function OrganizationBillingPage() {
  const { slug } = useCurrentOrganization();
  if (!useBillingEnabled()) return <NotFoundPage />;
  return <BillingOverview organization={slug} />;
}
