import { BillingOverview } from '../features/billing/components/BillingOverview';
import { useBillingEnabled } from '../features/billing/hooks/use-billing';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { NotFoundPage } from './NotFoundPage';

/** /settings/billing: your own plan. Without billing on this instance, there is no such page. */
export function BillingSettingsPage() {
  usePageTitle('Billing');
  if (!useBillingEnabled()) return <NotFoundPage />;
  return <BillingOverview />;
}
