import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { startFakeStripe, type FakeStripe } from './fake-stripe';
import { TestSignInModule } from './sign-in';
import { startTestApp, type TestApp } from './test-app';

/** Prices the fake knows, and the plans priced with them (small limits, so tests reach them quickly). */
export const TEST_PRICES = {
  proMonthly: 'price_pro_monthly_test',
  proYearly: 'price_pro_yearly_test',
  teamMonthly: 'price_team_monthly_test',
  teamRefuseMonthly: 'price_team_fixed_monthly_test',
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
  ],
};

export interface BillingTestbed {
  readonly stripe: FakeStripe;
  readonly testApp: TestApp;
  close(): Promise<void>;
}

/**
 * An instance with billing on, pointed at a fresh fake Stripe whose webhooks go to the instance's endpoint, and
 * running its job worker (events are applied in jobs).
 */
export async function startBillingTestbed(env: Record<string, string> = {}): Promise<BillingTestbed> {
  const stripe = await startFakeStripe({
    prices: [
      { id: TEST_PRICES.proMonthly, unitAmount: 900, interval: 'month' },
      { id: TEST_PRICES.proYearly, unitAmount: 9000, interval: 'year' },
      { id: TEST_PRICES.teamMonthly, unitAmount: 700, interval: 'month' },
      { id: TEST_PRICES.teamRefuseMonthly, unitAmount: 600, interval: 'month' },
    ],
  });
  const testApp = await startTestApp({
    env: { LP_MODE: 'all', BILLING_PLANS: JSON.stringify(TEST_PLANS), ...stripe.env, ...env },
    extraImports: [TestSignInModule],
  });
  const http = supertest(testApp.app.nest.getHttpServer());
  stripe.setWebhookTarget(async (payload, headers) => {
    const response = await http.post('/api/v1/billing/webhook').set(headers).send(payload);
    return response.status;
  });
  return {
    stripe,
    testApp,
    async close() {
      await testApp.close();
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
