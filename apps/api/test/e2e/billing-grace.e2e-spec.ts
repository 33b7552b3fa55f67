import { BillingEventsService, RECORD_GRACE_LAPSES_JOB } from '../../src/billing/billing-events.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { withClockAdvanced } from '../support/clock';
import { signInTeam } from '../support/organizations';
import { signInAs, type SignedIn } from '../support/sign-in';
import {
  auditEventsOf,
  eventually,
  randomEmail,
  startBillingTestbed,
  subscribe,
  type BillingTestbed,
} from '../support/billing';

/*
 * A renewal that fails: the plan holds through the grace period (BILLING_GRACE_PERIOD_DAYS), then the account has
 * the free plan, the lapse is logged once, and a later payment restores the plan.
 */
const DAY = 86_400_000;
const GRACE_DAYS = 3;

const summaryOf = async (who: SignedIn, organization?: string) =>
  (await who.agent.get(organization ? `/api/v1/organizations/${organization}/billing` : '/api/v1/billing').expect(200))
    .body;

describe(`with a grace period of ${GRACE_DAYS} days`, () => {
  let bed: BillingTestbed;

  beforeAll(async () => {
    bed = await startBillingTestbed({ BILLING_GRACE_PERIOD_DAYS: String(GRACE_DAYS) });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('keeps the plan through the grace period, then falls back to Free, logs the lapse once, and recovers on payment', async () => {
    const user = await signInAs(bed.testApp, randomEmail('late-payer'));
    const subscription = await subscribe(bed, user, { plan: 'pro', interval: 'month' });

    const failedAt = Date.now();
    await bed.stripe.failPayment(subscription.id);
    await bed.settle();
    const grace = await summaryOf(user);
    expect(grace).toMatchObject({ plan: { id: 'pro' }, standing: 'grace', subscription: { status: 'past_due' } });
    const graceEndsAt = new Date(grace.subscription.graceEndsAt as string).getTime();
    expect(graceEndsAt).toBeGreaterThanOrEqual(failedAt + GRACE_DAYS * DAY - 1_000);
    expect(graceEndsAt).toBeLessThanOrEqual(Date.now() + GRACE_DAYS * DAY);
    const failed = await auditEventsOf(bed, 'billing.payment_failed', user.userId);
    expect(failed).toEqual([expect.objectContaining({ actorType: 'system', targetType: 'user' })]);
    expect(failed[0]?.metadata).toMatchObject({ graceEndsAt: grace.subscription.graceEndsAt });
    expect((await auditEventsOf(bed, 'billing.subscription_updated', user.userId)).at(-1)?.metadata).toMatchObject({
      changes: { status: ['active', 'past_due'] },
      plan: { from: 'pro', to: 'pro', standing: 'grace' },
    });

    // Stripe retries the charge and fails again: the grace period still ends when it first would have.
    await bed.stripe.failPayment(subscription.id);
    await bed.settle();
    expect((await summaryOf(user)).subscription.graceEndsAt).toBe(grace.subscription.graceEndsAt);
    expect(await auditEventsOf(bed, 'billing.payment_failed', user.userId)).toHaveLength(2);

    const events = bed.testApp.app.nest.get(BillingEventsService);
    await withClockAdvanced(GRACE_DAYS * DAY - 60_000, async () => {
      expect(await summaryOf(user)).toMatchObject({ plan: { id: 'pro' }, standing: 'grace' });
      expect(await events.recordGraceLapses()).toBe(0);
    });
    await withClockAdvanced(GRACE_DAYS * DAY + 60_000, async () => {
      const lapsed = await summaryOf(user);
      expect(lapsed).toMatchObject({ plan: { id: 'free' }, standing: 'lapsed', subscription: { status: 'past_due' } });
      expect(lapsed.usage).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: 'privateBlueprints', limit: 2 })]),
      );
      // The scheduled job's work, run twice: the lapse is logged once. (The worker may run the schedule meanwhile, with
      // the same clock; the log must still hold one line, so only the sum of what the runs recorded is asserted.)
      const recorded = (await events.recordGraceLapses()) + (await events.recordGraceLapses());
      expect(recorded).toBeLessThanOrEqual(1);
    });
    const lapses = await eventually(async () => {
      const logged = await auditEventsOf(bed, 'billing.grace_lapsed', user.userId);
      expect(logged).toHaveLength(1);
      return logged;
    });
    expect(lapses).toEqual([expect.objectContaining({ actorType: 'system', targetType: 'user' })]);
    expect(lapses[0]?.metadata).toEqual({
      subscription: subscription.id,
      plan: { from: 'pro', to: 'free' },
      graceEndedAt: grace.subscription.graceEndsAt,
    });

    // The customer pays: the plan is back at once, and a later failure starts a new grace period.
    await bed.stripe.payInvoice(subscription.id);
    await bed.settle();
    expect(await summaryOf(user)).toMatchObject({
      plan: { id: 'pro' },
      standing: 'active',
      subscription: { status: 'active', graceEndsAt: null },
    });
    await bed.stripe.failPayment(subscription.id);
    await bed.settle();
    const again = await summaryOf(user);
    expect(again.standing).toBe('grace');
    expect(new Date(again.subscription.graceEndsAt as string).getTime()).toBeGreaterThan(graceEndsAt);
    // A new lapse of its own, logged once too.
    await withClockAdvanced(GRACE_DAYS * DAY + 60_000, async () => {
      expect((await events.recordGraceLapses()) + (await events.recordGraceLapses())).toBeLessThanOrEqual(1);
    });
    await eventually(async () => {
      expect(await auditEventsOf(bed, 'billing.grace_lapsed', user.userId)).toHaveLength(2);
    });
  });
});

describe('without a grace period', () => {
  let bed: BillingTestbed;

  beforeAll(async () => {
    bed = await startBillingTestbed({ BILLING_GRACE_PERIOD_DAYS: '0' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('downgrades an organization at the first failed payment; the scheduled job logs it in the organization’s log', async () => {
    const team = await signInTeam(bed.testApp, 'no-grace');
    const subscription = await subscribe(bed, team.owner, {
      plan: 'team',
      interval: 'month',
      organization: 'no-grace',
    });
    expect(await summaryOf(team.owner, 'no-grace')).toMatchObject({ plan: { id: 'team' }, standing: 'active' });

    await bed.stripe.failPayment(subscription.id);
    await bed.settle();
    expect(await summaryOf(team.owner, 'no-grace')).toMatchObject({
      plan: { id: 'free' },
      standing: 'lapsed',
      subscription: { status: 'past_due' },
    });

    await bed.testApp.app.nest.get(JobQueue).enqueue(RECORD_GRACE_LAPSES_JOB, {});
    const log = await eventually(async () => {
      const response = await team.owner.agent
        .get('/api/v1/organizations/no-grace/audit')
        .query({ action: 'billing.' })
        .expect(200);
      const actions = (response.body.events as Array<{ action: string }>).map((event) => event.action);
      expect(actions).toContain('billing.grace_lapsed');
      return actions;
    });
    expect(log.filter((action) => action === 'billing.payment_failed')).toHaveLength(1);
    expect(log.filter((action) => action === 'billing.grace_lapsed')).toHaveLength(1);

    await bed.stripe.payInvoice(subscription.id);
    await bed.settle();
    expect(await summaryOf(team.owner, 'no-grace')).toMatchObject({ plan: { id: 'team' }, standing: 'active' });
  });
});
