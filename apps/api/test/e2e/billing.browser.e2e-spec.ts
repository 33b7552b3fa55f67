import { PrismaService } from '../../src/database/prisma.service';
import { TEST_PLANS, TEST_PRICES } from '../support/billing';
import { collectPageProblems, signedInContext, startBrowserApp, type BrowserApp } from '../support/browser';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { TestSignInModule } from '../support/sign-in';

/**
 * Upgrading in Chromium: the real app serving the real web build with billing on, against the Stripe fake, whose
 * Checkout page the browser really visits and whose webhooks go to the instance's real address (not to supertest).
 */
describe('billing, in Chromium', () => {
  let stripe: FakeStripe;
  let started: BrowserApp;

  beforeAll(async () => {
    stripe = await startFakeStripe({
      prices: [
        { id: TEST_PRICES.proMonthly, unitAmount: 900, interval: 'month' },
        { id: TEST_PRICES.proYearly, unitAmount: 9000, interval: 'year' },
        { id: TEST_PRICES.teamMonthly, unitAmount: 700, interval: 'month' },
        { id: TEST_PRICES.teamRefuseMonthly, unitAmount: 600, interval: 'month' },
      ],
    });
    // LP_MODE all: the webhook's events are applied by jobs, so this process runs the worker too.
    started = await startBrowserApp({
      extraImports: [TestSignInModule],
      env: { LP_MODE: 'all', BILLING_PLANS: JSON.stringify(TEST_PLANS), ...stripe.env },
    });
    // The instance listens on a real port only now: Stripe's events go to its public webhook endpoint.
    stripe.setWebhookTarget(`${started.baseUrl}/api/v1/billing/webhook`);
  });
  afterAll(async () => {
    await started?.close();
    await stripe?.close();
  });

  it('Upgrade on Pro → the fake Checkout → back on the success page, and the billing page shows Pro', async () => {
    const { baseUrl } = started;
    const { context } = await signedInContext(started, 'payer@example.org');
    const page = await context.newPage();
    // The fake's Checkout page has no icon: the browser's request for one is not the app's problem.
    const problems = collectPageProblems(page, [{ status: 404, path: '/favicon.ico' }]);

    // The Billing tab of the settings, on the Free plan.
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/billing');
    await page.getByTestId('current-plan').filter({ hasText: 'Free' }).waitFor();
    const blueprints = page.getByRole('meter', { name: 'Private blueprints' });
    expect(await blueprints.getAttribute('aria-valuetext')).toBe('0 of 2');

    // Upgrade: the browser leaves for Stripe's (the fake's) Checkout, with the monthly Pro price chosen by the server.
    await page.getByRole('button', { name: 'Upgrade to Pro', exact: true }).click();
    await page.waitForURL((url) => url.origin === stripe.url && url.pathname.startsWith('/pay/'));
    expect(await page.title()).toContain('Fake Checkout');
    expect(await page.locator('.price').textContent()).toBe(TEST_PRICES.proMonthly);
    await page.getByRole('button', { name: 'Pay and subscribe' }).click();

    // Back on the instance: the success page reads the session and shows the new plan.
    await page.waitForURL((url) => url.origin === baseUrl && url.pathname === '/billing/success', { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('session_id')).toMatch(/^cs_/);
    await page.getByRole('heading', { level: 1, name: 'You’re on Pro' }).waitFor();

    // The billing page shows Pro, paid and renewing, with the portal to manage it.
    await page.getByRole('link', { name: 'Go to the billing page' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/billing');
    await page.getByTestId('current-plan').filter({ hasText: 'Pro' }).waitFor();
    expect(await page.getByTestId('plan-standing').textContent()).toMatch(/^Active, renews on /);
    expect(await page.getByRole('button', { name: 'Manage billing' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Upgrade to Pro', exact: true }).count()).toBe(0);
    // Unlimited private blueprints now.
    expect(await page.getByTestId('usage-privateBlueprints').textContent()).toContain('Unlimited');

    // The webhooks reached the instance over HTTP and were accepted; the subscription is stored.
    await stripe.drain();
    expect(stripe.deliveries.length).toBeGreaterThan(0);
    expect(stripe.deliveries.map((delivery) => delivery.status)).toEqual(stripe.deliveries.map(() => 200));
    const prisma = started.testApp.app.nest.get(PrismaService);
    const stored = await prisma.billingSubscription.findFirstOrThrow({ where: { planId: 'pro' } });
    expect(stored.status).toBe('active');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('Cancel on the fake Checkout → back on the billing page, which says nothing changed', async () => {
    const { baseUrl } = started;
    const { context } = await signedInContext(started, 'hesitant@example.org');
    const page = await context.newPage();
    const problems = collectPageProblems(page, [{ status: 404, path: '/favicon.ico' }]);

    await page.goto(`${baseUrl}/settings/billing`);
    await page.getByRole('radio', { name: 'Yearly' }).check();
    await page.getByRole('button', { name: 'Upgrade to Pro', exact: true }).click();
    await page.waitForURL((url) => url.origin === stripe.url && url.pathname.startsWith('/pay/'));
    expect(await page.locator('.price').textContent()).toBe(TEST_PRICES.proYearly);
    await page.getByRole('link', { name: 'Cancel' }).click();

    await page.waitForURL((url) => url.origin === baseUrl && url.pathname === '/settings/billing');
    expect(new URL(page.url()).searchParams.get('checkout')).toBe('canceled');
    await page.getByText('Checkout was canceled.').waitFor();
    expect(await page.getByTestId('current-plan').textContent()).toBe('Free');
    // Still no subscription, so Pro is on offer as before.
    expect(await page.getByRole('button', { name: 'Upgrade to Pro', exact: true }).isEnabled()).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });
});
