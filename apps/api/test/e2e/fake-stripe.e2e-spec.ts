import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startFakeStripe, type FakeStripe, type WebhookTarget } from '../support/fake-stripe';

// The fake's self-test: the official SDK against it, as the billing code will use it. No app is booted.

const PRO_MONTHLY = 'price_pro_monthly';
const PRO_YEARLY = 'price_pro_yearly';
const TEAM_MONTHLY = 'price_team_monthly';
const DAY = 86_400;

describe('fake Stripe', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  /** Events the webhook target received and verified, in order. */
  let received: Stripe.Event[];
  /** Deliveries the target refused because the signature did not verify. */
  let rejected: number;

  /** What an instance's webhook endpoint does: verify the signature, then accept. */
  const verifyingTarget: WebhookTarget = async (payload, headers) => {
    try {
      received.push(stripe.webhooks.constructEvent(payload, headers['stripe-signature'] ?? '', fake.webhookSecret));
      return 200;
    } catch {
      rejected++;
      return 400;
    }
  };

  const types = () => received.map((event) => event.type);

  beforeEach(async () => {
    received = [];
    rejected = 0;
    fake = await startFakeStripe({
      prices: [
        { id: PRO_MONTHLY, unitAmount: 900, interval: 'month' },
        { id: PRO_YEARLY, unitAmount: 9000, interval: 'year' },
        { id: TEAM_MONTHLY, unitAmount: 1500, currency: 'eur', interval: 'month', product: 'prod_team' },
      ],
      webhookTarget: verifyingTarget,
    });
    stripe = new Stripe(fake.secretKey, {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
  });
  afterEach(() => fake.close());

  async function checkout(options: { quantity?: number; trialDays?: number; price?: string } = {}) {
    const customer = await stripe.customers.create({ email: 'owner@example.org', metadata: { userId: 'u1' } });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: options.price ?? PRO_MONTHLY, quantity: options.quantity ?? 1 }],
      success_url: 'http://lynx.test/billing/done?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://lynx.test/billing',
      client_reference_id: 'u1',
      metadata: { plan: 'pro' },
      subscription_data: {
        metadata: { userId: 'u1' },
        ...(options.trialDays !== undefined && { trial_period_days: options.trialDays }),
      },
    });
    return { customer, session };
  }

  it('points env at itself', () => {
    expect(fake.env).toEqual({
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
    });
    expect(fake.secretKey).toMatch(/^sk_test_/);
    expect(fake.webhookSecret).toMatch(/^whsec_/);
  });

  it('creates customers, replaying a reused Idempotency-Key and refusing it with other parameters', async () => {
    const first = await stripe.customers.create({ email: 'a@example.org', name: 'A' }, { idempotencyKey: 'signup-1' });
    const again = await stripe.customers.create({ email: 'a@example.org', name: 'A' }, { idempotencyKey: 'signup-1' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ object: 'customer', email: 'a@example.org', name: 'A', metadata: {} });
    expect(fake.customer(first.id)).toMatchObject({ email: 'a@example.org' });
    expect(fake.requestsTo('POST', '/v1/customers').map((request) => request.idempotencyKey)).toEqual([
      'signup-1',
      'signup-1',
    ]);
    await expect(
      stripe.customers.create({ email: 'b@example.org' }, { idempotencyKey: 'signup-1' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(stripe.customers.retrieve(first.id)).resolves.toMatchObject({ id: first.id });
  });

  it('creates a Checkout Session from bracket-encoded parameters, keeping the success_url placeholder', async () => {
    const { customer, session } = await checkout({ quantity: 3, trialDays: 7 });
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'u1',
      metadata: { plan: 'pro' },
      subscription: null,
      success_url: 'http://lynx.test/billing/done?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://lynx.test/billing',
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/pay/${session.id}`);
    const [request] = fake.requestsTo('POST', '/v1/checkout/sessions');
    expect(request?.body).toMatchObject({
      line_items: [{ price: PRO_MONTHLY, quantity: '3' }],
      subscription_data: { metadata: { userId: 'u1' }, trial_period_days: '7' },
    });
    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({ id: session.id });
  });

  it('completes a checkout: signed events in order, then the subscription as the SDK sees it', async () => {
    const { customer, session } = await checkout({ quantity: 2 });
    const subscription = await fake.completeCheckout(session.id);
    await fake.drain();

    expect(types()).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);
    expect(rejected).toBe(0);
    const [completed, created, paid] = received;
    expect(completed?.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      subscription: subscription.id,
    });
    expect(created?.data.object).toMatchObject({ id: subscription.id, status: 'active', metadata: { userId: 'u1' } });
    expect(paid?.data.object).toMatchObject({
      object: 'invoice',
      status: 'paid',
      amount_paid: 1800,
      parent: { subscription_details: { subscription: subscription.id } },
    });
    expect(received.every((event) => event.api_version === Stripe.API_VERSION && !event.livemode)).toBe(true);

    const retrieved = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(retrieved).toMatchObject({ customer: customer.id, status: 'active', cancel_at_period_end: false });
    const item = retrieved.items.data[0];
    expect(item?.price).toMatchObject({ id: PRO_MONTHLY, unit_amount: 900, recurring: { interval: 'month' } });
    expect(item?.quantity).toBe(2);
    expect((item?.current_period_end ?? 0) - (item?.current_period_start ?? 0)).toBe(30 * DAY);
    expect(retrieved.latest_invoice).toMatchObject({ object: 'invoice', status: 'paid' });
    expect(fake.subscriptionsOf(customer.id).map((each) => each.id)).toEqual([subscription.id]);
    expect(fake.checkoutSession(session.id)).toMatchObject({ status: 'complete', subscription: subscription.id });

    // A completed session cannot be paid twice.
    await expect(fake.completeCheckout(session.id)).rejects.toThrow(/complete/);
  });

  it('starts a trial without charging: trialing, no invoice.paid', async () => {
    const { session } = await checkout({ trialDays: 14 });
    const subscription = await fake.completeCheckout(session.id);
    await fake.drain();
    expect(types()).toEqual(['checkout.session.completed', 'customer.subscription.created']);
    expect(subscription.status).toBe('trialing');
    expect(subscription.latest_invoice).toBeNull();
    expect((subscription.trial_end ?? 0) - subscription.created).toBe(14 * DAY);
    expect(subscription.items.data[0]?.current_period_end).toBe(subscription.trial_end);

    await fake.trialWillEnd(subscription.id);
    await fake.payInvoice(subscription.id);
    await fake.drain();
    expect(types().slice(2)).toEqual([
      'customer.subscription.trial_will_end',
      'invoice.paid',
      'customer.subscription.updated',
    ]);
    expect(fake.subscription(subscription.id)?.status).toBe('active');
  });

  it('changes quantity through subscription_items and emits customer.subscription.updated', async () => {
    const { session } = await checkout({ quantity: 2 });
    const subscription = await fake.completeCheckout(session.id);
    const itemId = subscription.items.data[0]?.id ?? '';
    const updated = await stripe.subscriptionItems.update(itemId, {
      quantity: 5,
      proration_behavior: 'always_invoice',
    });
    expect(updated).toMatchObject({ id: itemId, quantity: 5 });
    await fake.drain();

    const event = received.at(-1);
    expect(event?.type).toBe('customer.subscription.updated');
    expect(event?.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    const object = event?.data.object as Stripe.Subscription;
    expect(object.items.data[0]?.quantity).toBe(5);
    expect(event?.data.previous_attributes).toHaveProperty('items');
    expect(fake.prorationBehaviors).toEqual([
      { path: `/v1/subscription_items/${itemId}`, subscription: subscription.id, value: 'always_invoice' },
    ]);
    await expect(stripe.subscriptionItems.retrieve(itemId)).resolves.toMatchObject({ quantity: 5 });
    await expect(
      stripe.subscriptionItems.update(itemId, { quantity: 1, proration_behavior: 'sometimes' as 'none' }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'proration_behavior' });
  });

  it('switches plans and cancels through /v1/subscriptions, and lists them', async () => {
    const { customer, session } = await checkout();
    const subscription = await fake.completeCheckout(session.id);
    const itemId = subscription.items.data[0]?.id ?? '';
    const switched = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: itemId, price: PRO_YEARLY }],
      proration_behavior: 'create_prorations',
      cancel_at_period_end: true,
      metadata: { plan: 'yearly' },
    });
    expect(switched.items.data[0]?.price.id).toBe(PRO_YEARLY);
    expect(switched.items.data[0]?.id).toBe(itemId);
    expect(switched).toMatchObject({ cancel_at_period_end: true, metadata: { userId: 'u1', plan: 'yearly' } });
    expect(fake.prorationBehaviors.at(-1)?.value).toBe('create_prorations');

    // An unchanged update emits nothing, as on Stripe.
    await stripe.subscriptions.update(subscription.id, { metadata: { plan: 'yearly' } });
    // Metadata merges; an empty value unsets a key.
    await expect(stripe.subscriptions.update(subscription.id, { metadata: { plan: '' } })).resolves.toMatchObject({
      metadata: { userId: 'u1' },
    });
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe('canceled');
    await fake.drain();
    expect(types().slice(3)).toEqual([
      'customer.subscription.updated',
      'customer.subscription.updated',
      'customer.subscription.deleted',
    ]);

    const active = await stripe.subscriptions.list({ customer: customer.id });
    expect(active.data).toEqual([]);
    const all = await stripe.subscriptions.list({ customer: customer.id, status: 'all' });
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/subscriptions' });
    expect(all.data.map((each) => each.id)).toEqual([subscription.id]);
    const expanded = await stripe.subscriptions.list({ status: 'canceled', expand: ['data.latest_invoice'] });
    expect(expanded.data[0]?.latest_invoice).toMatchObject({ object: 'invoice', status: 'paid' });
    await expect(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });

  it('simulates a failed renewal and a later payment', async () => {
    const { session } = await checkout();
    const subscription = await fake.completeCheckout(session.id);
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    await fake.failPayment(subscription.id);
    await fake.drain();
    expect(types().slice(3)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
    const failed = received[3]?.data.object as Stripe.Invoice;
    expect(failed).toMatchObject({ status: 'open', amount_due: 900, amount_paid: 0 });
    expect(failed.next_payment_attempt).toBeGreaterThan(0);
    expect(received[4]?.data.object).toMatchObject({ status: 'past_due' });
    expect(fake.subscription(subscription.id)?.items.data[0]?.current_period_start).toBe(periodEnd);

    await fake.payInvoice(subscription.id);
    await fake.drain();
    expect(types().slice(5)).toEqual(['invoice.paid', 'customer.subscription.updated']);
    expect(received[5]?.data.object).toMatchObject({ id: failed.id, status: 'paid', amount_paid: 900 });
    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.status)).toEqual(['paid', 'paid']);
    await expect(stripe.invoices.retrieve(failed.id)).resolves.toMatchObject({ status: 'paid' });

    await fake.updateSubscription(subscription.id, { price: TEAM_MONTHLY, quantity: 4, cancelAtPeriodEnd: true });
    await fake.cancelSubscription(subscription.id);
    await fake.drain();
    expect(types().slice(7)).toEqual(['customer.subscription.updated', 'customer.subscription.deleted']);
    expect(received[7]?.data.object).toMatchObject({ cancel_at_period_end: true });
    expect(received[8]?.data.object).toMatchObject({ status: 'canceled' });
  });

  it('opens portal sessions for known customers only', async () => {
    const customer = await stripe.customers.create({ email: 'p@example.org' });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'http://lynx.test/billing',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'http://lynx.test/billing',
    });
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
    const page = await fetch(portal.url);
    const html = await page.text();
    expect(html).toContain('Fake Customer Portal');
    expect(html).toContain('<a href="http://lynx.test/billing">Return to LynxPrompt</a>');
    await expect(stripe.billingPortal.sessions.create({ customer: 'cus_nobody' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      param: 'customer',
    });
  });

  it('answers errors the SDK turns into its typed errors', async () => {
    const customer = await stripe.customers.create({ email: 'e@example.org' });
    const unknownPrice = stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: 'price_nope', quantity: 1 }],
      success_url: 'http://lynx.test/ok',
    });
    await expect(unknownPrice).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(unknownPrice).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
    });
    await expect(stripe.subscriptions.retrieve('sub_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(
      stripe.checkout.sessions.create({ mode: 'payment', success_url: 'http://lynx.test/ok' }),
    ).rejects.toMatchObject({ param: 'mode' });
    await expect(stripe.customers.create({ email: 'x@example.org', tax_exempt: 'none' })).rejects.toMatchObject({
      param: 'tax_exempt',
    });

    const intruder = new Stripe('sk_test_wrong', {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    await expect(intruder.customers.retrieve(customer.id)).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    await expect(stripe.prices.retrieve(TEAM_MONTHLY)).resolves.toMatchObject({
      currency: 'eur',
      unit_amount: 1500,
      product: 'prod_team',
    });
  });

  it('signs like Stripe: another secret or an old timestamp fails verification', async () => {
    const event = fake.buildEvent('customer.subscription.updated', { id: 'sub_x', object: 'subscription' });
    expect(event).toMatchObject({ object: 'event', livemode: false, api_version: Stripe.API_VERSION });
    expect(event.id).toMatch(/^evt_/);
    const payload = JSON.stringify(event);
    expect(stripe.webhooks.constructEvent(payload, fake.sign(payload), fake.webhookSecret).id).toBe(event.id);
    expect(() =>
      stripe.webhooks.constructEvent(payload, fake.sign(payload, { secret: 'whsec_other' }), fake.webhookSecret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const stale = fake.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(() => stripe.webhooks.constructEvent(payload, stale, fake.webhookSecret)).toThrow(/tolerance/);

    // deliver() sends past the queue, with whatever signature the test wants.
    await expect(fake.deliver(event)).resolves.toBe(200);
    await expect(fake.deliver(event, { secret: 'whsec_other' })).resolves.toBe(400);
    await expect(fake.deliver(event, { signature: 't=1,v1=00' })).resolves.toBe(400);
    expect(received.map((each) => each.id)).toEqual([event.id]);
    expect(fake.deliveries.map((delivery) => delivery.status)).toEqual([200, 400, 400]);
  });

  it('keeps events until a target is set, then posts them to a URL in order', async () => {
    // A fake with no target: its events wait.
    const idle = await startFakeStripe({ prices: [{ id: PRO_MONTHLY, unitAmount: 900, interval: 'month' }] });
    const posted: Array<{ type: string; contentType?: string; verified: boolean }> = [];
    const receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const payload = Buffer.concat(chunks).toString('utf8');
        let verified = true;
        try {
          Stripe.webhooks.constructEvent(payload, String(request.headers['stripe-signature']), idle.webhookSecret);
        } catch {
          verified = false;
        }
        const { type } = JSON.parse(payload) as { type: string };
        posted.push({ type, contentType: request.headers['content-type'], verified });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const idleStripe = new Stripe(idle.secretKey, {
        host: '127.0.0.1',
        port: idle.port,
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
      });
      const session = await idleStripe.checkout.sessions.create({
        mode: 'subscription',
        customer_email: 'late@example.org',
        line_items: [{ price: PRO_MONTHLY, quantity: 1 }],
        success_url: 'http://lynx.test/ok',
      });
      const subscription = await idle.completeCheckout(session.id);
      await idle.drain();
      expect(idle.deliveries).toEqual([]);
      // Subscription mode made a customer for the email.
      expect(idle.customer(subscription.customer)).toMatchObject({ email: 'late@example.org' });

      idle.setWebhookTarget(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`);
      await idle.drain();
      expect(posted).toEqual(
        ['checkout.session.completed', 'customer.subscription.created', 'invoice.paid'].map((type) => ({
          type,
          contentType: 'application/json; charset=utf-8',
          verified: true,
        })),
      );
      expect(idle.deliveries.map((delivery) => delivery.status)).toEqual([204, 204, 204]);
    } finally {
      await idle.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('serves a Checkout page that pays, waits for the webhooks, then redirects to success_url', async () => {
    const { session } = await checkout({ quantity: 2 });
    const page = await fetch(session.url ?? '');
    const html = await page.text();
    expect(html).toContain('<title>Fake Checkout</title>');
    expect(html).toContain(PRO_MONTHLY);
    expect(html).toContain('<span class="quantity">2</span>');
    expect(html).toContain('<button type="submit">Pay and subscribe</button>');
    expect(html).toContain('<a href="http://lynx.test/billing">Cancel</a>');

    const paid = await fetch(session.url ?? '', { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://lynx.test/billing/done?session=${session.id}`);
    // The events were delivered before the redirect.
    expect(types()).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);
    const again = await fetch(`${fake.url}/pay/${session.id}`);
    expect(again.status).toBe(410);
  });
});
