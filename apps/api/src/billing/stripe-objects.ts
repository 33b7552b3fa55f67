import type Stripe from 'stripe';
import type { SubscriptionState } from './billing.repository';
import type { Plans } from './plans';

/** The id of an expandable Stripe field, whether it came expanded or not. */
export function idOf(field: string | { id: string } | null | undefined): string | null {
  if (!field) return null;
  return typeof field === 'string' ? field : field.id;
}

const seconds = (value: number | null | undefined) => (value ? new Date(value * 1000) : null);

/** What we keep of a subscription, read from Stripe's own copy (the first item carries the Price and quantity). */
export function subscriptionState(subscription: Stripe.Subscription, plans: Plans): SubscriptionState {
  const item = subscription.items.data[0];
  const priceId = item?.price.id ?? '';
  const priced = plans.byPriceId(priceId);
  return {
    stripeSubscriptionId: subscription.id,
    planId: priced?.plan.id ?? null,
    stripePriceId: priceId,
    interval: item?.price.recurring?.interval ?? priced?.interval ?? 'month',
    status: subscription.status,
    quantity: item?.quantity ?? 1,
    stripeItemId: item?.id ?? '',
    currentPeriodEnd: seconds(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    trialEnd: seconds(subscription.trial_end),
    stripeCreatedAt: new Date(subscription.created * 1000),
  };
}

/** The subscription an event is about, wherever its type keeps it; null when it concerns none. */
export function subscriptionOfEvent(event: Stripe.Event): string | null {
  const object = event.data.object as unknown as Record<string, unknown>;
  switch (event.type) {
    case 'checkout.session.completed':
      return idOf(object.subscription as string | { id: string } | null);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.trial_will_end':
      return typeof object.id === 'string' ? object.id : null;
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      // API versions since 2025 keep it under parent.subscription_details; older ones at the top.
      const parent = object.parent as { subscription_details?: { subscription?: string | { id: string } } } | null;
      return (
        idOf(parent?.subscription_details?.subscription) ?? idOf(object.subscription as string | { id: string } | null)
      );
    }
    default:
      return null;
  }
}

/** The event types the instance acts on; others are stored and acknowledged, nothing more. */
export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
]);
