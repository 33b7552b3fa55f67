import type { BillingSubscription } from '../generated/prisma/client';
import type { Plan, PlanAudience, Plans } from './plans';

/**
 * Why an account has the plan it has:
 * - `free`: no subscription;
 * - `trialing`, `active`: paid (or in trial);
 * - `grace`: a payment failed, the plan holds until the grace period ends;
 * - `lapsed`: the grace period ended unpaid, so the free plan applies;
 * - `ended`: canceled, expired, paused or never completed;
 * - `unknown-price`: the subscription's Price is in no configured plan for this account.
 */
export type PlanStanding = 'free' | 'trialing' | 'active' | 'grace' | 'lapsed' | 'ended' | 'unknown-price';

export interface AccountPlan {
  readonly plan: Plan;
  readonly standing: PlanStanding;
  readonly subscription: BillingSubscription | null;
}

/** Statuses in which a subscription gives its plan (and counts as the customer's current one). */
export const LIVE_STATUSES: ReadonlySet<string> = new Set(['trialing', 'active', 'past_due', 'unpaid']);

export function effectivePlan(
  plans: Plans,
  audience: PlanAudience,
  subscription: BillingSubscription | null,
  now: Date,
): AccountPlan {
  const free = plans.freeFor(audience);
  if (!subscription) return { plan: free, standing: 'free', subscription };
  const subscribed = subscription.planId ? plans.get(subscription.planId) : undefined;
  const standing = standingOf(subscription, now);
  if (standing === 'lapsed' || standing === 'ended') return { plan: free, standing, subscription };
  if (!subscribed || !subscribed.for.includes(audience)) {
    return { plan: free, standing: 'unknown-price', subscription };
  }
  return { plan: subscribed, standing, subscription };
}

function standingOf(subscription: BillingSubscription, now: Date): PlanStanding {
  switch (subscription.status) {
    case 'trialing':
      return 'trialing';
    case 'active':
      return 'active';
    case 'past_due':
    case 'unpaid':
      return subscription.graceEndsAt && subscription.graceEndsAt > now ? 'grace' : 'lapsed';
    default:
      return 'ended';
  }
}
