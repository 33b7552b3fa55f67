import { PrismaService } from '../../src/database/prisma.service';
import { signInTeam } from '../support/organizations';
import { signInAs, type SignedIn } from '../support/sign-in';
import { randomEmail, startBillingTestbed, subscribe, type BillingTestbed } from '../support/billing';

/*
 * The instance administrators' view of every subscription (Admin → Billing): accounts by name, their plan and
 * standing, and counts per Stripe status.
 */
let bed: BillingTestbed;
let admin: SignedIn;

interface AdminItem {
  account: { kind: string; id: string; name: string | null };
  planId: string | null;
  standing: string;
  stripeSubscriptionId: string;
  subscription: { status: string; quantity: number };
}

beforeAll(async () => {
  bed = await startBillingTestbed();
  // On a fresh instance the first account to sign in administers it.
  admin = await signInAs(bed.testApp, 'admin@billing-admin.test');
});

afterAll(async () => {
  await bed?.close();
});

it('lists every subscription with its account’s name, plan and standing, and counts them by status', async () => {
  const prisma = bed.testApp.app.nest.get(PrismaService);
  const handleOf = async (who: SignedIn) => (await prisma.user.findUniqueOrThrow({ where: { id: who.userId } })).handle;
  const paying = await signInAs(bed.testApp, randomEmail('paying'));
  const late = await signInAs(bed.testApp, randomEmail('late'));
  const gone = await signInAs(bed.testApp, randomEmail('gone'));
  const team = await signInTeam(bed.testApp, 'admin-view');
  await subscribe(bed, paying, { plan: 'pro', interval: 'year' });
  const lateSubscription = await subscribe(bed, late, { plan: 'pro', interval: 'month' });
  const goneSubscription = await subscribe(bed, gone, { plan: 'pro', interval: 'month' });
  await subscribe(bed, team.owner, { plan: 'team', interval: 'month', organization: 'admin-view' });
  await bed.stripe.failPayment(lateSubscription.id);
  await bed.settle();
  await bed.stripe.cancelSubscription(goneSubscription.id);
  await bed.settle();

  const list = await admin.agent.get('/api/v1/admin/billing/subscriptions').expect(200);
  expect(list.headers['cache-control']).toBe('no-store');
  expect(list.body.total).toBe(4);
  expect(list.body.byStatus).toEqual([
    { status: 'active', count: 2 },
    { status: 'canceled', count: 1 },
    { status: 'past_due', count: 1 },
  ]);
  const byName = new Map((list.body.items as AdminItem[]).map((item) => [item.account.name, item]));
  expect(byName.get(await handleOf(paying))).toMatchObject({
    account: { kind: 'user', id: paying.userId },
    planId: 'pro',
    standing: 'active',
    subscription: { status: 'active', quantity: 1 },
  });
  expect(byName.get(await handleOf(late))).toMatchObject({
    planId: 'pro',
    standing: 'grace',
    subscription: { status: 'past_due' },
  });
  expect(byName.get(await handleOf(gone))).toMatchObject({ planId: 'pro', standing: 'ended' });
  expect(byName.get('admin-view')).toMatchObject({
    account: { kind: 'organization', id: team.organizationId },
    planId: 'team',
    standing: 'active',
    subscription: { quantity: 4 },
  });
  // Newest change first: the cancellation was the last.
  expect((list.body.items as AdminItem[])[0]?.stripeSubscriptionId).toBe(goneSubscription.id);

  const pastDue = await admin.agent
    .get('/api/v1/admin/billing/subscriptions')
    .query({ status: 'past_due' })
    .expect(200);
  expect(pastDue.body.total).toBe(1);
  expect((pastDue.body.items as AdminItem[]).map((item) => item.stripeSubscriptionId)).toEqual([lateSubscription.id]);
  // The counts are across all statuses, whatever the filter.
  expect(pastDue.body.byStatus).toEqual(list.body.byStatus);

  const secondPage = await admin.agent.get('/api/v1/admin/billing/subscriptions').query({ page: '2' }).expect(200);
  expect(secondPage.body).toMatchObject({ items: [], total: 4 });
});

it('is for instance administrators only', async () => {
  const someone = await signInAs(bed.testApp, randomEmail('someone'));
  const refused = await someone.agent.get('/api/v1/admin/billing/subscriptions').expect(403);
  expect(refused.body.error.code).toBe('FORBIDDEN');
  const team = await signInTeam(bed.testApp, 'admin-view-owner');
  await team.owner.agent.get('/api/v1/admin/billing/subscriptions').expect(403);
  await bed.testApp.http.get('/api/v1/admin/billing/subscriptions').expect(401);
});

it('refuses malformed filters with 400', async () => {
  for (const query of [{ status: 'PAST DUE' }, { page: '0' }, { page: 'two' }, { page: '10001' }, { other: 'x' }]) {
    const response = await admin.agent.get('/api/v1/admin/billing/subscriptions').query(query);
    expect({ query, status: response.status, code: response.body.error?.code }).toEqual({
      query,
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  }
});
