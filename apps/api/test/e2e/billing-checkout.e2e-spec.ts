import { signInAs } from '../support/sign-in';
import { eventually, randomEmail, startBillingTestbed, TEST_PRICES, type BillingTestbed } from '../support/billing';

let bed: BillingTestbed;

beforeAll(async () => {
  bed = await startBillingTestbed();
});

afterAll(async () => {
  await bed?.close();
});

it('upgrades a user through Checkout: the webhook job writes the subscription and the plan applies', async () => {
  const user = await signInAs(bed.testApp, randomEmail('upgrader'));
  const before = await user.agent.get('/api/v1/billing').expect(200);
  expect(before.body.plan.id).toBe('free');

  const checkout = await user.agent
    .post('/api/v1/billing/checkout')
    .set(user.writeHeaders)
    .send({ plan: 'pro', interval: 'month' })
    .expect(200);
  const sessionId = new URL(checkout.body.url as string).pathname.split('/').pop() as string;
  const created = bed.stripe.requestsTo('POST', '/v1/checkout/sessions')[0];
  expect(created?.body).toMatchObject({ mode: 'subscription', line_items: [{ price: TEST_PRICES.proMonthly }] });

  await bed.stripe.completeCheckout(sessionId);
  await bed.stripe.drain();
  const after = await eventually(async () => {
    const response = await user.agent.get('/api/v1/billing').expect(200);
    expect(response.body.plan.id).toBe('pro');
    return response;
  });
  expect(after.body.subscription).toMatchObject({ status: 'active', interval: 'month', quantity: 1 });
  expect(after.body.portal).toBe(true);
});
