import { randomBytes } from 'node:crypto';
import { PrismaService } from '../../src/database/prisma.service';
import type { TestApp } from './test-app';

/** Billing on without ever calling Stripe: nothing listens at STRIPE_API_URL, so a call would fail the test. */
export function billingEnv(plans: unknown): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: `sk_test_${randomBytes(12).toString('hex')}`,
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(12).toString('hex')}`,
    STRIPE_API_URL: 'http://127.0.0.1:9',
    BILLING_PLANS: JSON.stringify(plans),
  };
}

export type SeededAccount = { userId: string } | { organizationId: string };

export interface SeededSubscription {
  planId: string;
  priceId: string;
  /** Stripe's status; `active` by default. */
  status?: string;
  /** Seats paid for, on a per-seat plan. */
  quantity?: number;
}

/**
 * Test fixture: the state Stripe's webhook job writes for an account that subscribed (a customer bound to it and its
 * subscription), written straight to the database. Tests of the plan limits need an account on a plan, not the
 * Checkout flow that puts it there.
 */
export async function seedSubscription(testApp: TestApp, account: SeededAccount, subscription: SeededSubscription) {
  const prisma = testApp.app.nest.get(PrismaService);
  const suffix = randomBytes(6).toString('hex');
  const customer = await prisma.billingCustomer.create({
    data: { ...account, stripeCustomerId: `cus_test${suffix}` },
  });
  await prisma.billingSubscription.create({
    data: {
      customerId: customer.id,
      stripeSubscriptionId: `sub_test${suffix}`,
      planId: subscription.planId,
      stripePriceId: subscription.priceId,
      interval: 'month',
      status: subscription.status ?? 'active',
      quantity: subscription.quantity ?? 1,
      stripeItemId: `si_test${suffix}`,
      currentPeriodEnd: new Date(Date.now() + 30 * 24 * 60 * 60_000),
      stripeCreatedAt: new Date(),
    },
  });
}

/** Test fixture: changes the account's subscription as a later webhook would (a cancellation, fewer seats). */
export async function updateSeededSubscription(
  testApp: TestApp,
  account: SeededAccount,
  changes: { status?: string; quantity?: number },
): Promise<void> {
  const prisma = testApp.app.nest.get(PrismaService);
  const customer = await prisma.billingCustomer.findUniqueOrThrow({
    where: 'userId' in account ? { userId: account.userId } : { organizationId: account.organizationId },
  });
  await prisma.billingSubscription.update({ where: { customerId: customer.id }, data: changes });
}
