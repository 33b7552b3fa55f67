import { eventually, randomEmail, startBillingTestbed, type BillingTestbed } from '../support/billing';
import { createOrganization } from '../support/organizations';
import { signInAs } from '../support/sign-in';

let bed: BillingTestbed;

beforeAll(async () => {
  bed = await startBillingTestbed();
});

afterAll(async () => {
  await bed?.close();
});

it('refuses to delete an account whose subscription renews, and allows it once it is set to end', async () => {
  const user = await signInAs(bed.testApp, randomEmail('leaver'));
  const checkout = await user.agent
    .post('/api/v1/billing/checkout')
    .set(user.writeHeaders)
    .send({ plan: 'pro', interval: 'year' })
    .expect(200);
  const sessionId = new URL(checkout.body.url as string).pathname.split('/').pop() as string;
  const subscription = await bed.stripe.completeCheckout(sessionId);
  await user.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);

  const refused = await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(409);
  expect(refused.body.error.code).toBe('BILLING_SUBSCRIPTION_RENEWS');

  await bed.stripe.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
  await bed.stripe.drain();
  await eventually(async () => {
    const summary = await user.agent.get('/api/v1/billing').expect(200);
    expect(summary.body.subscription.cancelAtPeriodEnd).toBe(true);
    expect(summary.body.subscription.nextInvoiceAt).toBeNull();
  });
  await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(204);
});

it('refuses to delete an organization whose subscription renews, and allows it once the subscription ended', async () => {
  const owner = await signInAs(bed.testApp, randomEmail('org-owner'));
  const slug = `billed-${Date.now().toString(36)}`;
  await createOrganization(bed.testApp, owner.userId, slug);
  const checkout = await owner.agent
    .post('/api/v1/billing/checkout')
    .set(owner.writeHeaders)
    .send({ plan: 'team', interval: 'month', organization: slug })
    .expect(200);
  const sessionId = new URL(checkout.body.url as string).pathname.split('/').pop() as string;
  const subscription = await bed.stripe.completeCheckout(sessionId);
  await owner.agent.get(`/api/v1/billing/checkout/${sessionId}`).expect(200);

  const refused = await owner.agent.delete(`/api/v1/organizations/${slug}`).set(owner.writeHeaders).expect(409);
  expect(refused.body.error.code).toBe('BILLING_SUBSCRIPTION_RENEWS');
  await owner.agent.get(`/api/v1/organizations/${slug}`).expect(200);

  await bed.stripe.cancelSubscription(subscription.id);
  await bed.stripe.drain();
  await eventually(async () => {
    const summary = await owner.agent.get(`/api/v1/organizations/${slug}/billing`).expect(200);
    expect(summary.body.standing).toBe('ended');
  });
  await owner.agent.delete(`/api/v1/organizations/${slug}`).set(owner.writeHeaders).expect(204);
});
