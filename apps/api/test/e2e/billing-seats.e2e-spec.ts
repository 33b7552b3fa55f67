import { EntitlementService } from '../../src/billing/entitlements.service';
import { joinByInvitation, signInTeam, type SignedInTeam } from '../support/organizations';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import {
  auditEventsOf,
  eventually,
  randomEmail,
  startBillingTestbed,
  subscribe,
  type BillingTestbed,
} from '../support/billing';

/*
 * Seats of per-seat plans. On Team (seatOverflow 'buy') the subscription quantity follows the member count through
 * Stripe's subscription-item API with BILLING_PRORATION; on Team (fixed seats) (seatOverflow 'refuse') Owners and Admins
 * set it. Refusing invitations beyond the paid seats belongs to the organizations module and is tested there.
 */
let bed: BillingTestbed;
let capture: SmtpCapture;

beforeAll(async () => {
  capture = await startSmtpCapture();
  // Not the default, so the test shows the setting is what reaches Stripe.
  bed = await startBillingTestbed({ SMTP_URL: capture.url, BILLING_PRORATION: 'always_invoice' });
});

afterAll(async () => {
  await bed?.close();
  await capture?.close();
});

const summaryOf = async (who: SignedIn, slug: string) =>
  (await who.agent.get(`/api/v1/organizations/${slug}/billing`).expect(200)).body;

/** A seat sync asked for explicitly (the organizations module asks after each member change). */
const syncSeats = (team: SignedInTeam) =>
  bed.testApp.app.nest.get(EntitlementService).membersChanged(team.organizationId);

const itemUpdates = (itemId: string) => bed.stripe.requestsTo('POST', `/v1/subscription_items/${itemId}`);

describe('an organization on Team (seats follow the members)', () => {
  it('buys a seat when someone joins and gives one back when someone leaves, with the configured proration', async () => {
    const team = await signInTeam(bed.testApp, 'seats-follow');
    const subscription = await subscribe(bed, team.owner, {
      plan: 'team',
      interval: 'month',
      organization: 'seats-follow',
    });
    const itemId = subscription.items.data[0]!.id;
    expect(subscription.items.data[0]?.quantity).toBe(4);

    // A fifth person accepts an invitation.
    const email = randomEmail('fifth');
    const fifth = await signInAs(bed.testApp, email);
    await joinByInvitation(capture, team.admin, 'seats-follow', fifth, email, 'member');
    await eventually(async () => expect(bed.stripe.subscription(subscription.id)?.items.data[0]?.quantity).toBe(5));
    await bed.settle();
    expect(itemUpdates(itemId).map((request) => request.body)).toEqual([
      { quantity: '5', proration_behavior: 'always_invoice' },
    ]);
    expect(await summaryOf(team.owner, 'seats-follow')).toMatchObject({
      plan: { id: 'team' },
      subscription: { quantity: 5 },
      usage: expect.arrayContaining([expect.objectContaining({ key: 'seats', used: 5, limit: 50 })]),
    });

    // Nothing changed: nothing is sent.
    await syncSeats(team);
    await bed.settle();
    expect(itemUpdates(itemId)).toHaveLength(1);

    // Two leave, one after the other (one removed, one leaving on their own).
    await team.owner.agent
      .delete(`/api/v1/organizations/seats-follow/members/${fifth.userId}`)
      .set(team.owner.writeHeaders)
      .expect(204);
    await eventually(async () => expect(bed.stripe.subscription(subscription.id)?.items.data[0]?.quantity).toBe(4));
    await bed.settle();
    await team.viewer.agent
      .delete(`/api/v1/organizations/seats-follow/members/${team.viewer.userId}`)
      .set(team.viewer.writeHeaders)
      .expect(204);
    await eventually(async () => expect(bed.stripe.subscription(subscription.id)?.items.data[0]?.quantity).toBe(3));
    await bed.settle();
    expect(itemUpdates(itemId).at(-1)?.body).toEqual({ quantity: '3', proration_behavior: 'always_invoice' });
    expect(bed.stripe.prorationBehaviors.filter((entry) => entry.subscription === subscription.id)).toEqual([
      expect.objectContaining({ value: 'always_invoice' }),
      expect.objectContaining({ value: 'always_invoice' }),
      expect.objectContaining({ value: 'always_invoice' }),
    ]);
    expect((await summaryOf(team.owner, 'seats-follow')).subscription.quantity).toBe(3);

    // Each change once in the organization's log, by the system (the sync and Stripe's own event agree).
    const changes = (await auditEventsOf(bed, 'billing.subscription_updated', team.organizationId)).map(
      (event) => event.metadata as { changes: unknown; cause: string },
    );
    expect(changes).toEqual([
      expect.objectContaining({ changes: { quantity: [4, 5] } }),
      expect.objectContaining({ changes: { quantity: [5, 4] } }),
      expect.objectContaining({ changes: { quantity: [4, 3] } }),
    ]);

    // Setting seats by hand is for plans that refuse overflow.
    const refused = await team.owner.agent
      .put('/api/v1/organizations/seats-follow/billing/seats')
      .set(team.owner.writeHeaders)
      .send({ quantity: 10 })
      .expect(409);
    expect(refused.body.error.code).toBe('BILLING_SEATS_FOLLOW_MEMBERS');
  });

  it('keeps at least one seat', async () => {
    const team = await signInTeam(bed.testApp, 'seats-alone');
    const subscription = await subscribe(bed, team.owner, {
      plan: 'team',
      interval: 'month',
      organization: 'seats-alone',
    });
    // Everyone but the Owner leaves, so one seat remains.
    for (const who of [team.admin, team.member, team.viewer]) {
      await who.agent
        .delete(`/api/v1/organizations/seats-alone/members/${who.userId}`)
        .set(who.writeHeaders)
        .expect(204);
    }
    await eventually(async () => expect(bed.stripe.subscription(subscription.id)?.items.data[0]?.quantity).toBe(1));
    await bed.settle();
    expect((await summaryOf(team.owner, 'seats-alone')).subscription.quantity).toBe(1);
  });
});

describe('an organization on Team (fixed seats)', () => {
  let team: SignedInTeam;
  let subscriptionId: string;
  let itemId: string;

  beforeAll(async () => {
    team = await signInTeam(bed.testApp, 'seats-fixed');
    const subscription = await subscribe(bed, team.owner, {
      plan: 'team-fixed',
      interval: 'month',
      organization: 'seats-fixed',
    });
    subscriptionId = subscription.id;
    itemId = subscription.items.data[0]!.id;
  });

  const setSeats = (who: SignedIn, quantity: unknown, slug = 'seats-fixed') =>
    who.agent.put(`/api/v1/organizations/${slug}/billing/seats`).set(who.writeHeaders).send({ quantity });

  it('has the seats its Owners and Admins set, changed through Stripe with the configured proration', async () => {
    expect(await summaryOf(team.owner, 'seats-fixed')).toMatchObject({
      plan: { id: 'team-fixed', seatOverflow: 'refuse' },
      subscription: { quantity: 4 },
      usage: expect.arrayContaining([expect.objectContaining({ key: 'seats', used: 4, limit: 4 })]),
    });

    const raised = await setSeats(team.admin, 10).expect(200);
    expect(raised.body).toMatchObject({
      plan: { id: 'team-fixed' },
      subscription: { quantity: 10 },
      usage: expect.arrayContaining([expect.objectContaining({ key: 'seats', used: 4, limit: 10 })]),
    });
    expect(itemUpdates(itemId).map((request) => request.body)).toEqual([
      { quantity: '10', proration_behavior: 'always_invoice' },
    ]);
    await setSeats(team.owner, 6).expect(200);
    await bed.settle();
    expect(bed.stripe.subscription(subscriptionId)?.items.data[0]?.quantity).toBe(6);
    expect((await summaryOf(team.owner, 'seats-fixed')).subscription.quantity).toBe(6);

    // The same number again: nothing to send.
    await setSeats(team.owner, 6).expect(200);
    expect(itemUpdates(itemId)).toHaveLength(2);

    // Who set them is in the organization's log.
    const changes = await auditEventsOf(bed, 'billing.subscription_updated', team.organizationId);
    expect(changes.map((event) => [event.actorType, event.actorId, event.metadata])).toEqual([
      ['user', team.admin.userId, expect.objectContaining({ cause: 'seats.set', changes: { quantity: [4, 10] } })],
      ['user', team.owner.userId, expect.objectContaining({ cause: 'seats.set', changes: { quantity: [10, 6] } })],
    ]);
  });

  it('refuses fewer seats than members (409), more than the plan allows (402), and nonsense (400)', async () => {
    const below = await setSeats(team.owner, 3).expect(409);
    expect(below.body.error.code).toBe('BILLING_SEATS_BELOW_MEMBERS');
    const above = await setSeats(team.owner, 21).expect(402);
    expect(above.body.error).toMatchObject({
      code: 'PLAN_LIMIT_REACHED',
      details: { limit: 'seats', allowed: 20, upgradeUrl: 'http://lynx.test/orgs/seats-fixed/billing' },
    });
    for (const quantity of [0, -1, 2.5, '7', null, 100_001]) {
      const invalid = await setSeats(team.owner, quantity).expect(400);
      expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
    }
    const extra = await team.owner.agent
      .put('/api/v1/organizations/seats-fixed/billing/seats')
      .set(team.owner.writeHeaders)
      .send({ quantity: 8, proration_behavior: 'none' })
      .expect(400);
    expect(extra.body.error.code).toBe('VALIDATION_FAILED');
    expect(itemUpdates(itemId)).toHaveLength(2);
  });

  it('is for Owners and Admins: Members and Viewers get 403, outsiders 404', async () => {
    for (const who of [team.member, team.viewer]) {
      const refused = await setSeats(who, 8).expect(403);
      expect(refused.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
    }
    const outsider = await signInAs(bed.testApp, randomEmail('seat-outsider'));
    const hidden = await setSeats(outsider, 8).expect(404);
    expect(hidden.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    expect(itemUpdates(itemId)).toHaveLength(2);
  });

  it('does not follow the member count', async () => {
    await syncSeats(team);
    await bed.settle();
    expect(itemUpdates(itemId)).toHaveLength(2);
  });

  it('needs a per-seat subscription: an organization on Free has none (404)', async () => {
    const free = await signInTeam(bed.testApp, 'seats-free');
    const refused = await setSeats(free.owner, 5, 'seats-free').expect(404);
    expect(refused.body.error.code).toBe('BILLING_SUBSCRIPTION_NOT_FOUND');
  });
});
