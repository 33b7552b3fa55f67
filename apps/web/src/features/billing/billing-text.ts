import { formatByteSize, formatCount, formatDate } from '../../shared/format';
import type { BillingInterval, BillingSummary, LimitUsage, PlanView } from './api/billing-api';

/** Stripe statuses in which a subscription gives its plan: a second Checkout is refused, plans switch in the Portal. */
const LIVE_STATUSES = new Set(['trialing', 'active', 'past_due', 'unpaid']);

export function hasLiveSubscription(summary: BillingSummary): boolean {
  return summary.subscription !== null && LIVE_STATUSES.has(summary.subscription.status);
}

export type Tone = 'neutral' | 'success' | 'warning';

/** Why the plan applies, in words: "Trial until …", "Payment failed — plan holds until …", "Lapsed: back on Free". */
export function standingOf(summary: BillingSummary): { text: string; tone: Tone } {
  const { plan, subscription } = summary;
  const ends = subscription?.cancelAtPeriodEnd ? `Ends on ${formatDate(subscription.currentPeriodEnd)}` : undefined;
  switch (summary.standing) {
    case 'free':
      return { text: 'No subscription', tone: 'neutral' };
    case 'trialing':
      return {
        text: [`Trial until ${formatDate(subscription?.trialEnd)}`, ends].filter(Boolean).join(' · '),
        tone: ends ? 'warning' : 'success',
      };
    case 'active':
      return ends
        ? { text: ends, tone: 'warning' }
        : { text: `Active, renews on ${formatDate(subscription?.currentPeriodEnd)}`, tone: 'success' };
    case 'grace':
      return {
        text: `Payment failed — plan holds until ${formatDate(subscription?.graceEndsAt)}`,
        tone: 'warning',
      };
    case 'lapsed':
      return { text: `Lapsed: back on ${plan.name}`, tone: 'warning' };
    case 'ended':
      return { text: `Subscription ended: back on ${plan.name}`, tone: 'neutral' };
    case 'unknown-price':
      return {
        text: `The subscription’s price is not one of this instance’s plans, so the ${plan.name} limits apply. Ask the operator.`,
        tone: 'warning',
      };
    default:
      return { text: summary.standing, tone: 'neutral' };
  }
}

/** The standing as a short tag, for tables. */
export const STANDING_LABELS: Record<BillingSummary['standing'], string> = {
  free: 'Free',
  trialing: 'Trial',
  active: 'Active',
  grace: 'Payment failed (grace)',
  lapsed: 'Lapsed',
  ended: 'Ended',
  'unknown-price': 'Unknown price',
};

export const INTERVAL_LABELS: Record<BillingInterval, string> = { month: 'Monthly', year: 'Yearly' };

/** The next invoice, or why there is none. */
export function nextInvoiceOf(summary: BillingSummary): string {
  const { subscription } = summary;
  if (!subscription || !hasLiveSubscription(summary)) return 'None';
  if (subscription.nextInvoiceAt) return formatDate(subscription.nextInvoiceAt);
  return subscription.cancelAtPeriodEnd ? 'None: the subscription ends with this period' : 'None';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a limit's numbers read: bytes for storage, counts for the rest. */
export function formatLimitValue(key: LimitUsage['key'], value: number): string {
  return key === 'storageBytes' ? formatByteSize(value) : formatCount(value);
}

export function usageLabel(entry: LimitUsage): string {
  return capitalized(entry.label);
}

/** How a plan's limits are named on its card: one, many. */
const LIMIT_NAMES: Record<LimitUsage['key'], [string, string]> = {
  privateBlueprints: ['private blueprint', 'private blueprints'],
  storageBytes: ['storage', 'storage'],
  organizations: ['organization', 'organizations'],
  seats: ['member', 'members'],
  organizationTokens: ['organization token', 'organization tokens'],
  versionHistory: ['version kept per blueprint', 'versions kept per blueprint'],
  apiRatePerMinute: ['API request per minute', 'API requests per minute'],
};

/** What a plan offers, one line per limit that applies to the account: "Unlimited private blueprints", "2 GB storage". */
export function planLimitLines(plan: PlanView, kind: BillingSummary['account']['kind']): string[] {
  const keys = Object.keys(LIMIT_NAMES) as Array<LimitUsage['key']>;
  return keys
    .filter((key) => (kind === 'user' ? key !== 'seats' && key !== 'organizationTokens' : key !== 'organizations'))
    .map((key) => {
      const limit = plan.limits[key];
      const [one, many] = LIMIT_NAMES[key];
      return limit === null ? `Unlimited ${many}` : `${formatLimitValue(key, limit)} ${limit === 1 ? one : many}`;
    });
}
