import { signInTeam } from '../support/organizations';
import { signInAs, type SignedIn } from '../support/sign-in';
import { TEST_APP_URL } from '../support/test-app';
import {
  auditEventsOf,
  checkoutSessionIdOf,
  eventually,
  randomEmail,
  startBillingTestbed,
  startCheckout,
  subscribe,
  TEST_PRICES,
  type BillingTestbed,
} from '../support/billing';

/*
 * Upgrading and downgrading through the real app and the official SDK against the fake Stripe: Checkout (the server
 * picks the Price), the Checkout return, plan switches and cancellation in the "Portal", organizations on Team, and
 * the refusals on the way.
 */
let bed: BillingTestbed;

beforeAll(async () => {
  bed = await startBillingTestbed();
});

afterAll(async () => {
  await bed?.close();
});

const summaryOf = async (who: SignedIn, organization?: string) =>
  (await who.agent.get(organization ? `/api/v1/organizations/${organization}/billing` : '/api/v1/billing').expect(200))
    .body;

describe('a user upgrading through Checkout', () => {
  it('gets a Checkout the server priced, a bound Customer, and the plan once the webhook job ran', async () => {
    const user = await signInAs(bed.testApp, randomEmail('upgrader'));
    const before = await summaryOf(user);
    expect(before).toMatchObject({ plan: { id: 'free' }, standing: 'free', subscription: null, portal: false });

    const sessionId = await startCheckout(user, { plan: 'pro', interval: 'month' });
    const reference = `user:${user.userId}`;
    const created = bed.stripe
      .requestsTo('POST', '/v1/checkout/sessions')
      .find((request) => request.body.client_reference_id === reference);
    const binding = await bed.prisma.billingCustomer.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(created?.body).toMatchObject({
      mode: 'subscription',
      customer: binding.stripeCustomerId,
      line_items: [{ price: TEST_PRICES.proMonthly, quantity: '1' }],
      success_url: `${TEST_APP_URL}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${TEST_APP_URL}/settings/billing?checkout=canceled`,
      metadata: { lynxprompt_account: reference, lynxprompt_plan: 'pro' },
      subscription_data: { metadata: { lynxprompt_account: reference, lynxprompt_plan: 'pro' } },
    });
    expect(created?.body.subscription_data).not.toHaveProperty('trial_period_days');
    expect(bed.stripe.customer(binding.stripeCustomerId)).toMatchObject({
      metadata: { lynxprompt_account: reference },
      email: expect.stringContaining('upgrader-'),
    });

    await bed.stripe.completeCheckout(sessionId);
    await bed.settle();
    const after = await summaryOf(user);
    expect(after).toMatchObject({
      plan: { id: 'pro' },
      standing: 'active',
      subscription: { status: 'active', interval: 'month', quantity: 1, cancelAtPeriodEnd: false, graceEndsAt: null },
      portal: true,
    });
    expect(after.subscription.nextInvoiceAt).toBe(after.subscription.currentPeriodEnd);
    expect(after.usage).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'privateBlueprints', limit: null, used: 0 })]),
    );

    // One row per account, and every event the fake sent stored once and applied.
    const rows = await bed.prisma.billingSubscription.findMany({ where: { customer: { userId: user.userId } } });
    expect(rows).toEqual([expect.objectContaining({ planId: 'pro', stripePriceId: TEST_PRICES.proMonthly })]);
    const sent = bed.stripe.deliveries.filter(({ event }) => JSON.stringify(event).includes(binding.stripeCustomerId));
    expect(sent.map(({ event }) => event.type)).toEqual([
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.paid',
    ]);
    const stored = await bed.prisma.billingEvent.findMany({ where: { id: { in: sent.map(({ event }) => event.id) } } });
    expect(stored.map((row) => row.outcome).sort()).toEqual(['applied', 'applied', 'applied']);

    // Audit: the person opened Checkout; the system wrote the subscription, once however many events said so.
    const started = await auditEventsOf(bed, 'billing.checkout_started', user.userId);
    expect(started).toEqual([
      expect.objectContaining({ actorType: 'user', actorId: user.userId, targetType: 'user', organizationId: null }),
    ]);
    expect(started[0]?.metadata).toEqual({ plan: 'pro', interval: 'month', quantity: 1 });
    const subscribed = await auditEventsOf(bed, 'billing.subscription_started', user.userId);
    expect(subscribed).toHaveLength(1);
    expect(subscribed[0]).toMatchObject({ actorType: 'system', targetType: 'user', organizationId: null });
    expect(subscribed[0]?.metadata).toMatchObject({ plan: { from: 'free', to: 'pro', standing: 'active' } });
    // And the user sees both among their security events.
    const security = await user.agent.get('/api/v1/account/security-events').expect(200);
    expect(security.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['billing.checkout_started', 'billing.subscription_started']),
    );
  });

  it('never takes a price, an amount or a quantity from the client: extra fields are refused before Stripe', async () => {
    const user = await signInAs(bed.testApp, randomEmail('haggler'));
    const requestsBefore = bed.stripe.requests.length;
    for (const extra of [
      { price: TEST_PRICES.teamMonthly },
      { amount: 1 },
      { unit_amount: 1 },
      { quantity: 100 },
      { line_items: [{ price: TEST_PRICES.proYearly, quantity: 1 }] },
    ]) {
      const refused = await user.agent
        .post('/api/v1/billing/checkout')
        .set(user.writeHeaders)
        .send({ plan: 'pro', interval: 'month', ...extra })
        .expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.details.fields).toEqual([
        expect.objectContaining({
          field: Object.keys(extra)[0],
          messages: [expect.stringContaining('should not exist')],
        }),
      ]);
    }
    expect(bed.stripe.requests.length).toBe(requestsBefore);
  });

  it('refuses plans it cannot sell to the account, each with its code, without calling Stripe', async () => {
    const team = await signInTeam(bed.testApp, 'refusals');
    const user = team.owner;
    const refusals: Array<[Record<string, string>, number, string]> = [
      [{ plan: 'platinum', interval: 'month' }, 400, 'BILLING_PLAN_UNKNOWN'],
      [{ plan: 'team', interval: 'month' }, 400, 'BILLING_PLAN_NOT_FOR_ACCOUNT'],
      [{ plan: 'pro', interval: 'month', organization: 'refusals' }, 400, 'BILLING_PLAN_NOT_FOR_ACCOUNT'],
      [{ plan: 'free', interval: 'month' }, 400, 'BILLING_PLAN_FREE'],
      [{ plan: 'free', interval: 'month', organization: 'refusals' }, 400, 'BILLING_PLAN_FREE'],
      [{ plan: 'team', interval: 'year', organization: 'refusals' }, 400, 'BILLING_INTERVAL_UNAVAILABLE'],
      [{ plan: 'pro-trial', interval: 'year' }, 400, 'BILLING_INTERVAL_UNAVAILABLE'],
      [{ plan: 'pro', interval: 'week' }, 400, 'VALIDATION_FAILED'],
      [{ plan: 'pro', interval: 'month', organization: 'no-such-org' }, 404, 'ORGANIZATION_NOT_FOUND'],
    ];
    const requestsBefore = bed.stripe.requests.length;
    for (const [body, status, code] of refusals) {
      const response = await user.agent.post('/api/v1/billing/checkout').set(user.writeHeaders).send(body);
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status, code });
    }
    expect(bed.stripe.requests.length).toBe(requestsBefore);
  });

  it('shows the new plan on the Checkout return, before the webhook job has run', async () => {
    const user = await signInAs(bed.testApp, randomEmail('impatient'));
    const hold = bed.holdWebhooks();
    try {
      const sessionId = await startCheckout(user, { plan: 'pro', interval: 'year' });
      const open = await user.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);
      expect(open.body).toMatchObject({
        status: 'open',
        billingPath: '/settings/billing',
        summary: { plan: { id: 'free' } },
      });

      await bed.stripe.completeCheckout(sessionId);
      await bed.stripe.drain();
      expect(hold.held.length).toBe(3);
      const heldIds = hold.held.map((delivery) => JSON.parse(delivery.payload).id as string);
      // Nothing reached the instance: the return alone writes the subscription.
      expect(await bed.prisma.billingEvent.count({ where: { id: { in: heldIds } } })).toBe(0);
      const returned = await user.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);
      expect(returned.body).toMatchObject({
        status: 'complete',
        billingPath: '/settings/billing',
        summary: { plan: { id: 'pro' }, standing: 'active', subscription: { interval: 'year' } },
      });
      expect((await summaryOf(user)).plan.id).toBe('pro');

      // The late webhooks then change nothing, and the subscription is recorded as started once.
      await hold.release();
      await bed.settle();
      expect(await bed.prisma.billingEvent.count({ where: { id: { in: heldIds }, outcome: 'applied' } })).toBe(3);
      expect(await auditEventsOf(bed, 'billing.subscription_started', user.userId)).toHaveLength(1);
      expect(await auditEventsOf(bed, 'billing.subscription_updated', user.userId)).toHaveLength(0);
    } finally {
      await hold.release();
    }
  });

  it('answers 404 BILLING_CHECKOUT_NOT_FOUND for a session that is not the caller’s, or not a session at all', async () => {
    const payer = await signInAs(bed.testApp, randomEmail('payer'));
    const other = await signInAs(bed.testApp, randomEmail('nosy'));
    const sessionId = await startCheckout(payer, { plan: 'pro', interval: 'month' });
    for (const [who, id] of [
      [other, sessionId],
      [payer, 'cs_test_doesnotexist'],
      [payer, 'not-a-session'],
      [payer, `cs_${'x'.repeat(300)}`],
    ] as const) {
      const response = await who.agent.get(`/api/v1/billing/checkout/${id}`).expect(404);
      expect(response.body.error.code).toBe('BILLING_CHECKOUT_NOT_FOUND');
    }
    await payer.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);
  });

  it('refuses a second Checkout while a subscription is live (409), and allows one once it ended', async () => {
    const user = await signInAs(bed.testApp, randomEmail('twice'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const refused = await user.agent
      .post('/api/v1/billing/checkout')
      .set(user.writeHeaders)
      .send({ plan: 'pro-trial', interval: 'month' })
      .expect(409);
    expect(refused.body.error.code).toBe('BILLING_SUBSCRIPTION_EXISTS');

    await bed.stripe.cancelSubscription(subscription.id);
    await bed.settle();
    await startCheckout(user, { plan: 'pro', interval: 'month' });
  });
});

describe('switching and cancelling in the Portal', () => {
  it('opens the Portal for a subscriber only, returning to the billing page', async () => {
    const never = await signInAs(bed.testApp, randomEmail('never'));
    const refused = await never.agent.post('/api/v1/billing/portal').set(never.writeHeaders).send({}).expect(404);
    expect(refused.body.error.code).toBe('BILLING_CUSTOMER_NOT_FOUND');

    const user = await signInAs(bed.testApp, randomEmail('portal'));
    await subscribe(bed, user, { plan: 'pro', interval: 'month' });
    const portal = await user.agent.post('/api/v1/billing/portal').set(user.writeHeaders).send({}).expect(200);
    expect(portal.body.url).toMatch(new RegExp(`^${bed.stripe.url}/portal/`));
    const { stripeCustomerId } = await bed.prisma.billingCustomer.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(bed.stripe.requestsTo('POST', '/v1/billing_portal/sessions').at(-1)?.body).toEqual({
      customer: stripeCustomerId,
      return_url: `${TEST_APP_URL}/settings/billing`,
    });
    expect(await auditEventsOf(bed, 'billing.portal_opened', user.userId)).toEqual([
      expect.objectContaining({ actorType: 'user', actorId: user.userId }),
    ]);
  });

  it('follows a plan switch and an interval switch, and falls back to Free when the subscription is cancelled', async () => {
    const user = await signInAs(bed.testApp, randomEmail('switcher'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });

    await bed.stripe.updateSubscription(subscription.id, { price: TEST_PRICES.proYearly });
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({ plan: { id: 'pro' }, subscription: { interval: 'year' } });

    await bed.stripe.updateSubscription(subscription.id, { price: TEST_PRICES.trialMonthly });
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({
      plan: { id: 'pro-trial' },
      standing: 'active',
      subscription: { interval: 'month' },
    });

    await bed.stripe.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
    await bed.settle();
    const ending = await summaryOf(user);
    expect(ending).toMatchObject({
      plan: { id: 'pro-trial' },
      subscription: { cancelAtPeriodEnd: true, nextInvoiceAt: null },
    });

    await bed.stripe.cancelSubscription(subscription.id);
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({
      plan: { id: 'free' },
      standing: 'ended',
      subscription: { status: 'canceled', nextInvoiceAt: null },
      portal: true,
    });

    const updates = await auditEventsOf(bed, 'billing.subscription_updated', user.userId);
    expect(updates.map((event) => event.metadata)).toEqual([
      expect.objectContaining({
        changes: { interval: ['month', 'year'] },
        plan: { from: 'pro', to: 'pro', standing: 'active' },
      }),
      expect.objectContaining({
        changes: { planId: ['pro', 'pro-trial'], interval: ['year', 'month'] },
        plan: { from: 'pro', to: 'pro-trial', standing: 'active' },
      }),
      expect.objectContaining({ changes: { cancelAtPeriodEnd: [false, true] } }),
      expect.objectContaining({
        changes: { status: ['active', 'canceled'] },
        plan: { from: 'pro-trial', to: 'free', standing: 'ended' },
      }),
    ]);
    expect(updates.every((event) => event.actorType === 'system')).toBe(true);
  });
});

describe('an organization on Team', () => {
  it('is subscribed by its Owners and Admins only; Members and Viewers get 403, outsiders 404', async () => {
    const team = await signInTeam(bed.testApp, 'acme-billing');
    const outsider = await signInAs(bed.testApp, randomEmail('outsider'));
    const body = { plan: 'team', interval: 'month' as const, organization: 'acme-billing' };

    for (const who of [team.member, team.viewer]) {
      const checkout = await who.agent.post('/api/v1/billing/checkout').set(who.writeHeaders).send(body).expect(403);
      expect(checkout.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      const summary = await who.agent.get('/api/v1/organizations/acme-billing/billing').expect(403);
      expect(summary.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      const portal = await who.agent
        .post('/api/v1/billing/portal')
        .set(who.writeHeaders)
        .send({ organization: 'acme-billing' })
        .expect(403);
      expect(portal.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    }
    const checkout = await outsider.agent.post('/api/v1/billing/checkout').set(outsider.writeHeaders).send(body);
    expect([checkout.status, checkout.body.error.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const summary = await outsider.agent.get('/api/v1/organizations/acme-billing/billing');
    expect([summary.status, summary.body.error.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);

    // An Admin may open Checkout; the Owner pays. Per seat: the quantity is the member count.
    await startCheckout(team.admin, body);
    const summaryBefore = await summaryOf(team.admin, 'acme-billing');
    expect(summaryBefore).toMatchObject({
      account: { kind: 'organization', id: team.organizationId, slug: 'acme-billing' },
      plan: { id: 'free' },
    });
    expect(summaryBefore.plans.map((plan: { id: string }) => plan.id)).toEqual(['free', 'team', 'team-fixed']);
    const sessionId = await startCheckout(team.owner, body);
    const reference = `organization:${team.organizationId}`;
    const created = bed.stripe.requestsTo('POST', '/v1/checkout/sessions').at(-1);
    expect(created?.body).toMatchObject({
      client_reference_id: reference,
      line_items: [{ price: TEST_PRICES.teamMonthly, quantity: '4' }],
      cancel_url: `${TEST_APP_URL}/orgs/acme-billing/billing?checkout=canceled`,
      metadata: { lynxprompt_account: reference, lynxprompt_plan: 'team' },
    });
    // One Customer for the organization, made by the first Checkout and reused by the second.
    const customerCreations = bed.stripe
      .requestsTo('POST', '/v1/customers')
      .filter((request) => (request.body.metadata as Record<string, string>).lynxprompt_account === reference);
    expect(customerCreations).toHaveLength(1);

    await bed.stripe.completeCheckout(sessionId);
    const returned = await team.owner.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);
    expect(returned.body.billingPath).toBe('/orgs/acme-billing/billing');
    await bed.settle();
    expect(await summaryOf(team.owner, 'acme-billing')).toMatchObject({
      plan: { id: 'team' },
      standing: 'active',
      subscription: { quantity: 4 },
    });
    // The plan is the organization's, not its Owner's.
    expect((await summaryOf(team.owner)).plan.id).toBe('free');

    // A Member does not learn the session's outcome either.
    await team.member.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(404);
  });

  it('switches to another organization plan in the Portal, and every change is in the organization’s audit log', async () => {
    const team = await signInTeam(bed.testApp, 'switch-org');
    const subscription = await subscribe(bed, team.owner, {
      plan: 'team',
      interval: 'month',
      organization: 'switch-org',
    });
    await team.admin.agent
      .post('/api/v1/billing/portal')
      .set(team.admin.writeHeaders)
      .send({ organization: 'switch-org' })
      .expect(200);
    expect(bed.stripe.requestsTo('POST', '/v1/billing_portal/sessions').at(-1)?.body.return_url).toBe(
      `${TEST_APP_URL}/orgs/switch-org/billing`,
    );

    await bed.stripe.updateSubscription(subscription.id, { price: TEST_PRICES.teamRefuseMonthly });
    await bed.settle();
    expect(await summaryOf(team.owner, 'switch-org')).toMatchObject({
      plan: { id: 'team-fixed', seatOverflow: 'refuse' },
      subscription: { quantity: 4 },
    });

    const log = await eventually(async () => {
      const response = await team.admin.agent
        .get('/api/v1/organizations/switch-org/audit')
        .query({ action: 'billing.' })
        .expect(200);
      expect(response.body.events.length).toBeGreaterThanOrEqual(4);
      return response.body.events as Array<{ action: string; actor: { type: string; id: string | null } }>;
    });
    expect(log.map((event) => [event.action, event.actor.type, event.actor.id]).reverse()).toEqual([
      ['billing.checkout_started', 'user', team.owner.userId],
      ['billing.subscription_started', 'system', null],
      ['billing.portal_opened', 'user', team.admin.userId],
      ['billing.subscription_updated', 'system', null],
    ]);
    const member = await team.member.agent.get('/api/v1/organizations/switch-org/audit').expect(403);
    expect(member.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
  });
});

describe('the Stripe Customer', () => {
  it('is created once when two first Checkouts run at once, and bound to the account', async () => {
    const user = await signInAs(bed.testApp, randomEmail('racer'));
    const reference = `user:${user.userId}`;
    const checkout = () =>
      user.agent.post('/api/v1/billing/checkout').set(user.writeHeaders).send({ plan: 'pro', interval: 'month' });
    const answers = await Promise.all([checkout(), checkout()]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);

    const creations = bed.stripe
      .requestsTo('POST', '/v1/customers')
      .filter((request) => (request.body.metadata as Record<string, string>).lynxprompt_account === reference);
    expect(creations.length).toBeGreaterThanOrEqual(1);
    expect(new Set(creations.map((request) => request.idempotencyKey))).toEqual(
      new Set([`lynxprompt-customer-${reference}`]),
    );
    const bindings = await bed.prisma.billingCustomer.findMany({ where: { userId: user.userId } });
    expect(bindings).toHaveLength(1);
    const sessions = answers.map((answer) =>
      bed.stripe.checkoutSession(checkoutSessionIdOf(answer.body.url as string)),
    );
    expect(sessions.map((session) => session?.customer)).toEqual([
      bindings[0]?.stripeCustomerId,
      bindings[0]?.stripeCustomerId,
    ]);
    expect(bed.stripe.customer(bindings[0]!.stripeCustomerId)?.metadata).toMatchObject({
      lynxprompt_account: reference,
    });
  });
});

describe('a plan with a trial', () => {
  it('asks Stripe for the trial, stands as trialing, and logs Stripe’s notice that it will end', async () => {
    const user = await signInAs(bed.testApp, randomEmail('trier'));
    const sessionId = await startCheckout(user, { plan: 'pro-trial', interval: 'month' });
    expect(bed.stripe.requestsTo('POST', '/v1/checkout/sessions').at(-1)?.body.subscription_data).toMatchObject({
      trial_period_days: '14',
    });
    const subscription = await bed.stripe.completeCheckout(sessionId);
    await bed.settle();
    const summary = await summaryOf(user);
    expect(summary).toMatchObject({ plan: { id: 'pro-trial', trialDays: 14 }, standing: 'trialing' });
    expect(summary.subscription.status).toBe('trialing');
    const trialEnd = new Date(summary.subscription.trialEnd as string).getTime();
    expect(Math.abs(trialEnd - (Date.now() + 14 * 86_400_000))).toBeLessThan(60_000);

    await bed.stripe.trialWillEnd(subscription.id);
    await bed.settle();
    const notices = await auditEventsOf(bed, 'billing.trial_will_end', user.userId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ actorType: 'system', targetType: 'user' });
    expect(notices[0]?.metadata).toMatchObject({ trialEnd: summary.subscription.trialEnd });

    // The first payment ends the trial.
    await bed.stripe.payInvoice(subscription.id);
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({ standing: 'active', subscription: { status: 'active' } });
  });
});
