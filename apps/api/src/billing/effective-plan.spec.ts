import type { BillingSubscription } from '../generated/prisma/client';
import { effectivePlan } from './effective-plan';
import { appliesTo, limitOf } from './entitlements.service';
import { parsePlanCatalog, Plans } from './plans';

const catalog = parsePlanCatalog({
  value: {
    plans: [
      { id: 'free', name: 'Free', for: ['user', 'organization'], limits: { seats: 3, privateBlueprints: 2 } },
      { id: 'pro', name: 'Pro', for: ['user'], prices: { month: 'price_pro' }, limits: { privateBlueprints: null } },
      {
        id: 'team',
        name: 'Team',
        for: ['organization'],
        pricing: 'per-seat',
        seatOverflow: 'buy',
        prices: { month: 'price_team' },
        limits: { seats: 50 },
      },
      {
        id: 'fixed',
        name: 'Fixed seats',
        for: ['organization'],
        pricing: 'per-seat',
        seatOverflow: 'refuse',
        prices: { month: 'price_fixed' },
        limits: { seats: 20 },
      },
      {
        id: 'open',
        name: 'Open seats',
        for: ['organization'],
        pricing: 'per-seat',
        seatOverflow: 'refuse',
        prices: { month: 'price_open' },
        limits: { seats: null },
      },
    ],
  },
});
if ('problems' in catalog) throw new Error(catalog.problems.join('; '));
const plans = new Plans(catalog.catalog);

const NOW = new Date('2026-12-05T12:00:00Z');
const HOUR = 60 * 60 * 1000;

function subscription(overrides: Partial<BillingSubscription> = {}): BillingSubscription {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    customerId: '00000000-0000-4000-8000-000000000002',
    stripeSubscriptionId: 'sub_1',
    planId: 'pro',
    stripePriceId: 'price_pro',
    interval: 'month',
    status: 'active',
    quantity: 1,
    stripeItemId: 'si_1',
    currentPeriodEnd: new Date(NOW.getTime() + 720 * HOUR),
    cancelAtPeriodEnd: false,
    trialEnd: null,
    stripeCreatedAt: new Date(NOW.getTime() - 24 * HOUR),
    pastDueSince: null,
    graceEndsAt: null,
    graceLapseRecordedAt: null,
    updatedAt: NOW,
    ...overrides,
  };
}

describe('effectivePlan', () => {
  it('gives the free plan of the audience without a subscription', () => {
    expect(effectivePlan(plans, 'user', null, NOW)).toMatchObject({ plan: { id: 'free' }, standing: 'free' });
    expect(effectivePlan(plans, 'organization', null, NOW)).toMatchObject({ plan: { id: 'free' }, standing: 'free' });
  });

  it('gives the subscribed plan while trialing or active', () => {
    expect(effectivePlan(plans, 'user', subscription(), NOW)).toMatchObject({
      plan: { id: 'pro' },
      standing: 'active',
    });
    const trial = effectivePlan(plans, 'user', subscription({ status: 'trialing' }), NOW);
    expect(trial).toMatchObject({ plan: { id: 'pro' }, standing: 'trialing' });
  });

  it('keeps the plan through the grace period of a failed payment, then falls back to free', () => {
    for (const status of ['past_due', 'unpaid']) {
      const grace = subscription({ status, pastDueSince: NOW, graceEndsAt: new Date(NOW.getTime() + HOUR) });
      expect(effectivePlan(plans, 'user', grace, NOW)).toMatchObject({ plan: { id: 'pro' }, standing: 'grace' });
      const lapsed = subscription({ status, graceEndsAt: new Date(NOW.getTime() - 1) });
      expect(effectivePlan(plans, 'user', lapsed, NOW)).toMatchObject({ plan: { id: 'free' }, standing: 'lapsed' });
      // No grace recorded (yet): nothing holds the plan.
      expect(effectivePlan(plans, 'user', subscription({ status }), NOW).standing).toBe('lapsed');
    }
  });

  it('gives the free plan once the subscription ended, whatever its plan', () => {
    for (const status of ['canceled', 'incomplete', 'incomplete_expired', 'paused']) {
      const ended = effectivePlan(plans, 'user', subscription({ status }), NOW);
      expect(ended).toMatchObject({ plan: { id: 'free' }, standing: 'ended' });
      // The subscription stays visible (the billing page says why the plan is free).
      expect(ended.subscription?.status).toBe(status);
    }
  });

  it('gives the free plan for a price in no configured plan, or a plan not for this kind of account', () => {
    const unknown = subscription({ planId: null, stripePriceId: 'price_gone' });
    expect(effectivePlan(plans, 'user', unknown, NOW)).toMatchObject({
      plan: { id: 'free' },
      standing: 'unknown-price',
    });
    const removed = subscription({ planId: 'enterprise' });
    expect(effectivePlan(plans, 'user', removed, NOW).standing).toBe('unknown-price');
    const teamForUser = subscription({ planId: 'team', stripePriceId: 'price_team' });
    expect(effectivePlan(plans, 'user', teamForUser, NOW)).toMatchObject({
      plan: { id: 'free' },
      standing: 'unknown-price',
    });
  });
});

describe('limitOf', () => {
  const organization = (planId: string, quantity: number, status = 'active') =>
    effectivePlan(plans, 'organization', subscription({ planId, quantity, status }), NOW);

  it("answers the plan's limit, null for unlimited", () => {
    expect(limitOf(effectivePlan(plans, 'user', null, NOW), 'privateBlueprints')).toBe(2);
    expect(limitOf(effectivePlan(plans, 'user', subscription(), NOW), 'privateBlueprints')).toBeNull();
    expect(limitOf(effectivePlan(plans, 'organization', null, NOW), 'seats')).toBe(3);
  });

  it('allows up to the maximum seats on a per-seat plan that buys seats, whatever was paid', () => {
    expect(limitOf(organization('team', 4), 'seats')).toBe(50);
  });

  it('allows the seats paid for on a per-seat plan that refuses overflow, within its maximum', () => {
    expect(limitOf(organization('fixed', 4), 'seats')).toBe(4);
    expect(limitOf(organization('fixed', 80), 'seats')).toBe(20);
    expect(limitOf(organization('open', 7), 'seats')).toBe(7);
    // Other limits of such a plan are its own.
    expect(limitOf(organization('fixed', 4), 'privateBlueprints')).toBeNull();
  });

  it('falls back to the free seats once the per-seat subscription ended', () => {
    expect(limitOf(organization('fixed', 10, 'canceled'), 'seats')).toBe(3);
  });
});

describe('appliesTo', () => {
  it('measures seats and organization tokens for organizations, organizations owned for users', () => {
    expect(appliesTo({ kind: 'user', id: 'u' }, 'organizations')).toBe(true);
    expect(appliesTo({ kind: 'user', id: 'u' }, 'seats')).toBe(false);
    expect(appliesTo({ kind: 'user', id: 'u' }, 'organizationTokens')).toBe(false);
    expect(appliesTo({ kind: 'organization', id: 'o' }, 'organizations')).toBe(false);
    expect(appliesTo({ kind: 'organization', id: 'o' }, 'seats')).toBe(true);
    expect(appliesTo({ kind: 'organization', id: 'o' }, 'privateBlueprints')).toBe(true);
  });
});
