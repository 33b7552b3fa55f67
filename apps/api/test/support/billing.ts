import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { startFakeStripe, type FakeStripe, type StripeEventLike, type StripeSubscriptionLike } from './fake-stripe';
import { TestSignInModule, type SignedIn } from './sign-in';
import { startStripeRelay, type StripeRelay } from './stripe-relay';
import { startTestApp, type TestApp } from './test-app';

/** Prices the fake knows, and the plans priced with them (small limits, so tests reach them quickly). */
export const TEST_PRICES = {
  proMonthly: 'price_pro_monthly_test',
  proYearly: 'price_pro_yearly_test',
  teamMonthly: 'price_team_monthly_test',
  teamRefuseMonthly: 'price_team_fixed_monthly_test',
  trialMonthly: 'price_pro_trial_monthly_test',
} as const;

export const TEST_PLANS = {
  plans: [
    {
      id: 'free',
      name: 'Free',
      for: ['user', 'organization'],
      limits: { privateBlueprints: 2, organizations: 1, seats: 2, organizationTokens: 1, versionHistory: 3 },
    },
    {
      id: 'pro',
      name: 'Pro',
      for: ['user'],
      prices: { month: TEST_PRICES.proMonthly, year: TEST_PRICES.proYearly },
      limits: { privateBlueprints: null, organizations: 5 },
    },
    {
      id: 'team',
      name: 'Team',
      for: ['organization'],
      pricing: 'per-seat',
      seatOverflow: 'buy',
      prices: { month: TEST_PRICES.teamMonthly },
      limits: { seats: 50, organizationTokens: 10 },
    },
    {
      id: 'team-fixed',
      name: 'Team (fixed seats)',
      for: ['organization'],
      pricing: 'per-seat',
      seatOverflow: 'refuse',
      prices: { month: TEST_PRICES.teamRefuseMonthly },
      limits: { seats: 20 },
    },
    {
      id: 'pro-trial',
      name: 'Pro (with a trial)',
      for: ['user'],
      prices: { month: TEST_PRICES.trialMonthly },
      trialDays: 14,
      limits: { privateBlueprints: null },
    },
  ],
};

/** TEST_PLANS with a free plan that limits nothing. */
const UNLIMITED_FREE_PLANS = {
  plans: TEST_PLANS.plans.map((plan) => (plan.id === 'free' ? { ...plan, limits: {} } : plan)),
};

/**
 * Settings for an instance that bills through `stripe` while its free plan limits nothing, so every route answers as it
 * would without billing, and the billing routes answer for real (suites that run every route: isolation, fuzzing).
 */
export function unlimitedBillingEnv(stripe: FakeStripe): Record<string, string> {
  return { ...stripe.env, BILLING_PLANS: JSON.stringify(UNLIMITED_FREE_PLANS) };
}

/** A fake Stripe that sells TEST_PRICES (its webhooks go nowhere until a target is set). */
export function startTestStripe(): Promise<FakeStripe> {
  return startFakeStripe({
    prices: [
      { id: TEST_PRICES.proMonthly, unitAmount: 900, interval: 'month' },
      { id: TEST_PRICES.proYearly, unitAmount: 9000, interval: 'year' },
      { id: TEST_PRICES.teamMonthly, unitAmount: 700, interval: 'month' },
      { id: TEST_PRICES.teamRefuseMonthly, unitAmount: 600, interval: 'month' },
      { id: TEST_PRICES.trialMonthly, unitAmount: 1200, interval: 'month' },
    ],
  });
}

export interface HeldDelivery {
  readonly payload: string;
  readonly headers: Record<string, string>;
}

export interface WebhookHold {
  readonly held: readonly HeldDelivery[];
  /** The events held so far, in order (they are no longer held). */
  take(): StripeEventLike[];
  release(): Promise<void>;
  resume(): Promise<void>;
}

export interface BillingTestbed {
  readonly stripe: FakeStripe;
  readonly testApp: TestApp;
  readonly prisma: PrismaService;
  /** What the app's Stripe calls go through on their way to the fake (it can hold answers back). */
  readonly relay: StripeRelay;
  /** Posts a delivery to the instance's webhook endpoint as Stripe would; answers the response. */
  deliverToApp(payload: string, headers: Record<string, string>): supertest.Test;
  /**
   * Sends an event to the instance as Stripe would (pretty-printed, signed now, or with `options`), past the fake's
   * queue; answers the instance's response, for replays, out-of-order and forged deliveries.
   */
  redeliver(
    event: StripeEventLike,
    options?: { secret?: string; timestamp?: number; signature?: string | null },
  ): supertest.Test;
  /**
   * Keeps the fake's deliveries from reaching the instance (they are acknowledged 200 to the fake and kept) until
   * `release`, which posts them to the instance in their order, or `resume`, which drops them.
   */
  holdWebhooks(): WebhookHold;
  /**
   * Waits until the fake has delivered every queued event and the instance's jobs have applied each one it accepted
   * (its billing_events row is processed): the end of everything a simulation set off.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An instance with billing on, pointed at a fresh fake Stripe whose webhooks go to the instance's endpoint, and
 * running its job worker (events are applied in jobs).
 */
export async function startBillingTestbed(env: Record<string, string> = {}): Promise<BillingTestbed> {
  const stripe = await startTestStripe();
  const relay = await startStripeRelay(stripe.url);
  const testApp = await startTestApp({
    env: {
      LP_MODE: 'all',
      BILLING_PLANS: JSON.stringify(TEST_PLANS),
      ...stripe.env,
      STRIPE_API_URL: relay.url,
      ...env,
    },
    extraImports: [TestSignInModule],
  });
  const prisma = testApp.app.nest.get(PrismaService);
  const jobs = testApp.app.nest.get(JobQueue);
  const http = supertest(testApp.app.nest.getHttpServer());
  const deliverToApp = (payload: string, headers: Record<string, string>) =>
    http.post('/api/v1/billing/webhook').set(headers).send(payload);
  const toApp = async (payload: string, headers: Record<string, string>) =>
    (await deliverToApp(payload, headers)).status;
  stripe.setWebhookTarget(toApp);
  return {
    stripe,
    testApp,
    prisma,
    relay,
    deliverToApp,
    redeliver(event, options = {}) {
      const payload = JSON.stringify(event, null, 2);
      const signature =
        options.signature === undefined
          ? stripe.sign(payload, { secret: options.secret, timestamp: options.timestamp })
          : options.signature;
      return deliverToApp(payload, {
        'content-type': 'application/json; charset=utf-8',
        ...(signature === null ? {} : { 'stripe-signature': signature }),
      });
    },
    holdWebhooks() {
      const held: HeldDelivery[] = [];
      stripe.setWebhookTarget(async (payload, headers) => {
        held.push({ payload, headers });
        return 200;
      });
      const resume = async () => {
        await stripe.drain();
        stripe.setWebhookTarget(toApp);
      };
      return {
        held,
        take: () => held.splice(0).map((delivery) => JSON.parse(delivery.payload) as StripeEventLike),
        resume,
        async release() {
          await resume();
          for (const delivery of held.splice(0)) {
            const response = await deliverToApp(delivery.payload, delivery.headers);
            if (response.status !== 200) throw new Error(`held delivery answered ${response.status}`);
          }
        },
      };
    },
    async settle() {
      await stripe.drain();
      const accepted = stripe.deliveries.filter((delivery) => delivery.status === 200).map(({ event }) => event.id);
      await eventually(async () => {
        const pending = await prisma.billingEvent.count({ where: { id: { in: accepted }, processedAt: null } });
        if (pending > 0) throw new Error(`${pending} accepted webhook event(s) not applied yet`);
        // And whatever else was queued (seat syncs, a replay's job if one were queued) has run.
        const counts = await jobs.counts();
        const busy = (counts.waiting ?? 0) + (counts.active ?? 0);
        if (busy > 0) throw new Error(`${busy} job(s) waiting or running`);
      });
    },
    async close() {
      await testApp.close();
      await relay.close();
      await stripe.close();
    },
  };
}

/** Polls until `check` passes (jobs apply webhook events asynchronously); fails with its last error after 10 s. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const randomEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;

/** The Checkout Session id at the end of a Checkout URL (the fake's /pay/{id}, like Stripe's). */
export function checkoutSessionIdOf(url: string): string {
  return new URL(url).pathname.split('/').pop() as string;
}

/** Opens Checkout as `who` (POST /api/v1/billing/checkout) and answers the session id. */
export async function startCheckout(
  who: SignedIn,
  body: { plan: string; interval: 'month' | 'year'; organization?: string },
): Promise<string> {
  const response = await who.agent.post('/api/v1/billing/checkout').set(who.writeHeaders).send(body).expect(200);
  return checkoutSessionIdOf(response.body.url as string);
}

/** Checkout paid at the fake and every event it sent applied: the account is subscribed. */
export async function subscribe(
  bed: BillingTestbed,
  who: SignedIn,
  body: { plan: string; interval: 'month' | 'year'; organization?: string },
): Promise<StripeSubscriptionLike> {
  const sessionId = await startCheckout(who, body);
  const subscription = await bed.stripe.completeCheckout(sessionId);
  await bed.settle();
  return subscription;
}

/** Audit events of an action about an account (user or organization), oldest first. */
export function auditEventsOf(bed: BillingTestbed, action: string, targetId: string) {
  return bed.prisma.auditEvent.findMany({ where: { action, targetId }, orderBy: { occurredAt: 'asc' } });
}
