import Stripe from 'stripe';
import { signInAs, type SignedIn } from '../support/sign-in';
import {
  auditEventsOf,
  eventually,
  randomEmail,
  startBillingTestbed,
  startCheckout,
  subscribe,
  TEST_PRICES,
  type BillingTestbed,
} from '../support/billing';

/*
 * The webhook endpoint as Stripe reaches it: signed deliveries from the fake, replays, deliveries out of order or at
 * once, forged and stale signatures, events it does not act on, and bodies that are not events at all.
 */
let bed: BillingTestbed;

beforeAll(async () => {
  bed = await startBillingTestbed();
});

afterAll(async () => {
  await bed?.close();
});

const summaryOf = async (who: SignedIn) => (await who.agent.get('/api/v1/billing').expect(200)).body;
const storedEvent = (id: string) => bed.prisma.billingEvent.findUnique({ where: { id } });

describe('a replayed event', () => {
  it('is acknowledged as a duplicate, stored once and applied once', async () => {
    const user = await signInAs(bed.testApp, randomEmail('replayed'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const hold = bed.holdWebhooks();
    await bed.stripe.failPayment(subscription.id);
    await hold.resume();
    const [failed, updated] = hold.take();
    expect([failed?.type, updated?.type]).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);

    const first = await bed.redeliver(failed!).expect(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    await bed.settle();
    const applied = await storedEvent(failed!.id);
    expect(applied).toMatchObject({ type: 'invoice.payment_failed', outcome: 'applied' });

    // Stripe delivers it again (re-signed, as each attempt is): nothing new happens.
    const second = await bed.redeliver(failed!).expect(200);
    expect(second.body).toEqual({ received: true, duplicate: true });
    const third = await bed.stripe.deliver(failed!);
    expect(third).toBe(200);
    await bed.redeliver(updated!).expect(200);
    await bed.settle();
    expect(await bed.prisma.billingEvent.count({ where: { id: failed!.id } })).toBe(1);
    expect(await storedEvent(failed!.id)).toEqual(applied);
    // Applying it again would have logged the failed payment again.
    expect(await auditEventsOf(bed, 'billing.payment_failed', user.userId)).toHaveLength(1);
    expect(await auditEventsOf(bed, 'billing.subscription_updated', user.userId)).toHaveLength(1);
  });

  it('delivered again before its job ran, even all at once, is applied once', async () => {
    const user = await signInAs(bed.testApp, randomEmail('redelivered'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const hold = bed.holdWebhooks();
    await bed.stripe.failPayment(subscription.id);
    await hold.resume();
    const [failed] = hold.take();
    // Stripe retries when an answer is slow to come, so a delivery may overtake the job of the one before.
    const answers = await Promise.all([1, 2, 3].map(() => bed.redeliver(failed!)));
    expect(answers.map((answer) => answer.body.duplicate).sort()).toEqual([false, true, true]);
    await eventually(async () => {
      expect(await storedEvent(failed!.id)).toMatchObject({ outcome: 'applied', error: null });
    });
    await bed.settle();
    expect(await auditEventsOf(bed, 'billing.payment_failed', user.userId)).toHaveLength(1);
  });

  it('of an event type the instance ignores is a duplicate too', async () => {
    const event = bed.stripe.buildEvent('customer.tax_id.created', { id: 'txi_123', object: 'tax_id' });
    expect((await bed.redeliver(event).expect(200)).body).toEqual({ received: true, duplicate: false });
    expect((await bed.redeliver(event).expect(200)).body).toEqual({ received: true, duplicate: true });
    expect(await bed.prisma.billingEvent.count({ where: { id: event.id } })).toBe(1);
  });
});

describe('events out of order', () => {
  it('end at Stripe’s current state, whatever order they arrive in', async () => {
    const user = await signInAs(bed.testApp, randomEmail('unordered'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const monthly = bed.stripe.subscription(subscription.id)!;

    const hold = bed.holdWebhooks();
    await bed.stripe.updateSubscription(subscription.id, { price: TEST_PRICES.proYearly });
    await bed.stripe.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
    await hold.resume();
    const [toYearly, toEnding] = hold.take();
    // The newer first, then the older: the older one's snapshot (yearly, renewing) is not what gets written.
    await bed.redeliver(toEnding!).expect(200);
    await bed.settle();
    await bed.redeliver(toYearly!).expect(200);
    await bed.settle();
    expect((toYearly!.data.object as { cancel_at_period_end: boolean }).cancel_at_period_end).toBe(false);
    expect(await summaryOf(user)).toMatchObject({
      plan: { id: 'pro' },
      subscription: { interval: 'year', cancelAtPeriodEnd: true },
    });

    // A stale snapshot (monthly, renewing) built from before both changes, arriving last, changes nothing either.
    const stale = bed.stripe.buildEvent('customer.subscription.updated', monthly);
    await bed.redeliver(stale).expect(200);
    await bed.settle();
    expect(await storedEvent(stale.id)).toMatchObject({ outcome: 'applied' });
    expect(await summaryOf(user)).toMatchObject({ subscription: { interval: 'year', cancelAtPeriodEnd: true } });
    const updates = await auditEventsOf(bed, 'billing.subscription_updated', user.userId);
    expect(updates.map((event) => event.metadata)).toEqual([
      expect.objectContaining({ changes: { interval: ['month', 'year'], cancelAtPeriodEnd: [false, true] } }),
    ]);
  });

  it('do not let a read-back that Stripe answered late overwrite a newer one', async () => {
    const user = await signInAs(bed.testApp, randomEmail('overtaken'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const hold = bed.holdWebhooks();
    await bed.stripe.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
    await hold.resume();
    const [ending] = hold.take();

    // The job of the first change reads the subscription back (monthly, ending) but hears Stripe's answer late...
    const slow = bed.relay.holdNext('GET', `/v1/subscriptions/${subscription.id}`);
    await bed.redeliver(ending!).expect(200);
    await slow.answered;
    // ...while the customer switches to yearly, and that change is applied in full.
    await bed.stripe.updateSubscription(subscription.id, { price: TEST_PRICES.proYearly });
    await eventually(async () => {
      expect(await summaryOf(user)).toMatchObject({ subscription: { interval: 'year', cancelAtPeriodEnd: true } });
    });
    slow.release();
    await bed.settle();
    expect(await storedEvent(ending!.id)).toMatchObject({ outcome: 'applied' });
    expect(await summaryOf(user)).toMatchObject({ subscription: { interval: 'year', cancelAtPeriodEnd: true } });
    const updates = await auditEventsOf(bed, 'billing.subscription_updated', user.userId);
    expect(updates.map((event) => (event.metadata as { changes: unknown }).changes)).toEqual([
      { interval: ['month', 'year'], cancelAtPeriodEnd: [false, true] },
    ]);
  });

  it('read back at the same moment record a new subscription once', async () => {
    const user = await signInAs(bed.testApp, randomEmail('simultaneous'));
    const hold = bed.holdWebhooks();
    const sessionId = await startCheckout(user, { plan: 'pro', interval: 'month' });
    const subscription = await bed.stripe.completeCheckout(sessionId);
    await hold.resume();
    const [completed, created] = hold.take();
    const reads = [1, 2].map(() => bed.relay.holdNext('GET', `/v1/subscriptions/${subscription.id}`));
    await Promise.all([bed.redeliver(completed!).expect(200), bed.redeliver(created!).expect(200)]);
    await Promise.all(reads.map((read) => read.answered));
    for (const read of reads) read.release();
    await eventually(async () => {
      const rows = await bed.prisma.billingEvent.findMany({ where: { id: { in: [completed!.id, created!.id] } } });
      expect(rows.map((row) => row.outcome)).toEqual(['applied', 'applied']);
    });
    await bed.settle();
    expect(await auditEventsOf(bed, 'billing.subscription_started', user.userId)).toHaveLength(1);
  });

  it('delivered all at once record the new subscription once', async () => {
    const people = await Promise.all([1, 2, 3].map((index) => signInAs(bed.testApp, randomEmail(`burst${index}`))));
    for (const user of people) {
      const hold = bed.holdWebhooks();
      const sessionId = await startCheckout(user, { plan: 'pro', interval: 'month' });
      await bed.stripe.completeCheckout(sessionId);
      await hold.resume();
      const events = hold.take();
      expect(events).toHaveLength(3);
      // Stripe does not promise one delivery at a time: here all three arrive together, twice over.
      const answers = await Promise.all([...events, ...events].map((event) => bed.redeliver(event)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.filter((answer) => answer.body.duplicate === false)).toHaveLength(3);
    }
    await bed.settle();
    for (const user of people) {
      expect((await summaryOf(user)).plan.id).toBe('pro');
      expect(await auditEventsOf(bed, 'billing.subscription_started', user.userId)).toHaveLength(1);
      expect(await auditEventsOf(bed, 'billing.subscription_updated', user.userId)).toHaveLength(0);
    }
  });
});

describe('a delivery that does not verify', () => {
  it('is refused with 400 BILLING_WEBHOOK_SIGNATURE_INVALID and nothing is stored', async () => {
    const user = await signInAs(bed.testApp, randomEmail('forged'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const canceled = { ...bed.stripe.subscription(subscription.id)!, status: 'canceled' };
    const tolerance = bed.testApp.app.config.billing!.webhookToleranceSeconds;
    const now = Math.floor(Date.now() / 1000);
    const forgeries: Array<[string, Parameters<BillingTestbed['redeliver']>[1]]> = [
      ['another secret', { secret: 'whsec_not_the_instances' }],
      ['no Stripe-Signature header', { signature: null }],
      ['a garbled header', { signature: 'v1=deadbeef' }],
      ['an empty header', { signature: '' }],
      ['a timestamp beyond the tolerance', { timestamp: now - tolerance - 30 }],
    ];
    for (const [label, options] of forgeries) {
      const event = bed.stripe.buildEvent('customer.subscription.deleted', canceled);
      const response = await bed.redeliver(event, options);
      expect({ label, status: response.status, code: response.body.error?.code }).toEqual({
        label,
        status: 400,
        code: 'BILLING_WEBHOOK_SIGNATURE_INVALID',
      });
      expect(await storedEvent(event.id)).toBeNull();
    }
    // The payload signed for another body does not carry over either.
    const genuine = bed.stripe.buildEvent('customer.subscription.deleted', canceled);
    const signature = bed.stripe.sign(JSON.stringify({ ...genuine, id: 'evt_other' }, null, 2));
    await bed.redeliver(genuine, { signature }).expect(400);
    expect(await storedEvent(genuine.id)).toBeNull();
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({ plan: { id: 'pro' }, standing: 'active' });

    // A control: within the tolerance, the same delivery is taken.
    const late = bed.stripe.buildEvent('customer.tax_id.created', { id: 'txi_late', object: 'tax_id' });
    await bed.redeliver(late, { timestamp: now - tolerance + 60 }).expect(200);
    expect(await storedEvent(late.id)).not.toBeNull();
  });
});

describe('events the instance does not act on', () => {
  it('stores an unknown event type as ignored and answers 200', async () => {
    const event = bed.stripe.buildEvent('payment_intent.created', { id: 'pi_123', object: 'payment_intent' });
    await bed.redeliver(event).expect(200);
    const stored = await storedEvent(event.id);
    expect(stored).toMatchObject({ type: 'payment_intent.created', outcome: 'ignored', error: null });
    expect(stored?.processedAt).not.toBeNull();
  });

  it('ignores the subscription of a customer it does not know', async () => {
    const sdk = new Stripe(bed.stripe.secretKey, {
      host: '127.0.0.1',
      port: bed.stripe.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    // Someone else's subscription on the same Stripe account (another product, another instance).
    const stranger = await sdk.customers.create({ email: 'stranger@example.com' });
    const session = await sdk.checkout.sessions.create({
      mode: 'subscription',
      customer: stranger.id,
      line_items: [{ price: TEST_PRICES.proMonthly, quantity: 1 }],
      success_url: 'https://elsewhere.example/done',
    });
    const before = bed.stripe.deliveries.length;
    const subscription = await bed.stripe.completeCheckout(session.id);
    await bed.settle();
    const ids = bed.stripe.deliveries.slice(before).map((delivery) => delivery.event.id);
    expect(ids).toHaveLength(3);
    const stored = await bed.prisma.billingEvent.findMany({ where: { id: { in: ids } } });
    expect(stored.map((row) => row.outcome)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(await bed.prisma.billingSubscription.count({ where: { stripeSubscriptionId: subscription.id } })).toBe(0);
    expect(await bed.prisma.billingCustomer.count({ where: { stripeCustomerId: stranger.id } })).toBe(0);
  });

  it('ignores an event about a subscription Stripe does not hold, instead of retrying it', async () => {
    const event = bed.stripe.buildEvent('customer.subscription.updated', {
      id: 'sub_neverexisted',
      object: 'subscription',
      customer: 'cus_neverexisted',
      status: 'active',
    });
    await bed.redeliver(event).expect(200);
    await bed.settle();
    expect(await storedEvent(event.id)).toMatchObject({ outcome: 'ignored' });
  });
});

describe('bodies that are not events', () => {
  it('answers 400 for a body that is not JSON, and 415 for one that is not even said to be', async () => {
    const body = 'this is { not json';
    const signature = bed.stripe.sign(body);
    const malformed = await bed.deliverToApp(body, {
      'content-type': 'application/json',
      'stripe-signature': signature,
    });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
    const plain = await bed.deliverToApp(body, { 'content-type': 'text/plain', 'stripe-signature': signature });
    expect([plain.status, plain.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers 400 for signed JSON that is not an event', async () => {
    for (const body of ['{}', '[]', '{"id": 12, "type": "invoice.paid"}', '{"id": "evt_x", "type": null}']) {
      const signature = bed.stripe.sign(body);
      const response = await bed.deliverToApp(body, {
        'content-type': 'application/json',
        'stripe-signature': signature,
      });
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({
        body,
        status: 400,
        code: 'BILLING_WEBHOOK_EVENT_INVALID',
      });
    }
    expect(await storedEvent('evt_x')).toBeNull();
  });

  it('answers 413 for a body beyond the request limit, before anything is verified or stored', async () => {
    const event = bed.stripe.buildEvent('customer.tax_id.created', {
      id: 'txi_huge',
      object: 'tax_id',
      padding: 'x'.repeat(bed.testApp.app.config.http.bodyLimitBytes + 1),
    });
    const response = await bed.redeliver(event);
    expect([response.status, response.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await storedEvent(event.id)).toBeNull();
  });
});

describe('the endpoint’s path', () => {
  it('verifies a delivery sent with a trailing slash as Express routes it: to the same handler, raw body kept', async () => {
    const event = bed.stripe.buildEvent('product.created', { id: 'prod_slash', object: 'product' });
    const body = JSON.stringify(event);
    const response = await bed.testApp.http
      .post('/api/v1/billing/webhook/')
      .set({ 'content-type': 'application/json', 'stripe-signature': bed.stripe.sign(body) })
      .send(body)
      .expect(200);
    expect(response.body).toEqual({ received: true, duplicate: false });
  });
});
