import fs from 'node:fs';
import path from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { isBillingPath } from '../../src/billing/billing-disabled';
import { EntitlementService } from '../../src/billing/entitlements.service';
import { LIMIT_KEYS } from '../../src/billing/plans';
import { listRoutes } from '../../src/common/security/route-inventory';
import { PrismaService } from '../../src/database/prisma.service';
import { COMMITTED_OPENAPI_PATH } from '../../src/openapi/generate';
import { createBlueprint } from '../support/blueprints';
import { operationsOf, type OpenApiDocument } from '../support/openapi-fuzz';
import { createOrganization } from '../support/organizations';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_PLANS } from '../support/billing';

/*
 * An instance without STRIPE_*: no plans, nothing limited, no billing in the session state, and every billing route
 * answering 404 BILLING_DISABLED to everyone, signed in or not.
 */
const document = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../..', COMMITTED_OPENAPI_PATH), 'utf8'),
) as OpenApiDocument;
const billingOperations = operationsOf(document).filter((operation) => operation.template.includes('/billing'));

let testApp: TestApp;
let user: SignedIn;

beforeAll(async () => {
  testApp = await startTestApp({ extraImports: [TestSignInModule] });
  user = await signInAs(testApp, 'self-hoster@example.com');
  await createOrganization(testApp, user.userId, 'home');
});

afterAll(async () => {
  await testApp?.close();
});

function call(who: SignedIn | undefined, method: string, url: string) {
  const agent = (who?.agent ?? testApp.http) as unknown as Record<string, (url: string) => import('supertest').Test>;
  const request = agent[method.toLowerCase()]!(url);
  return who ? request.set(who.writeHeaders) : request;
}

it('finds the billing routes in the OpenAPI document (a control: the list below is not empty)', () => {
  expect(billingOperations.map((operation) => `${operation.method} ${operation.template}`).sort()).toEqual([
    'GET /api/v1/admin/billing/subscriptions',
    'GET /api/v1/billing',
    'GET /api/v1/billing/checkout/{sessionId}',
    'GET /api/v1/organizations/{slug}/billing',
    'POST /api/v1/billing/checkout',
    'POST /api/v1/billing/portal',
    'POST /api/v1/billing/webhook',
    'PUT /api/v1/organizations/{slug}/billing/seats',
  ]);
});

it.each(billingOperations.map((operation) => [`${operation.method} ${operation.template}`, operation] as const))(
  '%s answers 404 BILLING_DISABLED, signed in or not',
  async (_label, operation) => {
    const url = operation.template.replace('{slug}', 'home').replace('{sessionId}', 'cs_test_123');
    for (const who of [undefined, user]) {
      const response = await call(who, operation.method, url).send({ plan: 'pro', interval: 'month' });
      expect({
        who: who ? 'signed in' : 'anonymous',
        status: response.status,
        code: response.body.error?.code,
      }).toEqual({ who: who ? 'signed in' : 'anonymous', status: 404, code: 'BILLING_DISABLED' });
    }
  },
);

it('answers 404 BILLING_DISABLED before reading the body or the signature of a webhook delivery', async () => {
  for (const [body, type] of [
    ['{"id":"evt_1","type":"invoice.paid"}', 'application/json'],
    ['{ not json', 'application/json'],
    ['plain', 'text/plain'],
  ]) {
    const response = await testApp.http
      .post('/api/v1/billing/webhook')
      .set('content-type', type!)
      .set('stripe-signature', 't=1,v1=00')
      .send(body);
    expect([response.status, response.body.error.code]).toEqual([404, 'BILLING_DISABLED']);
  }
  expect(await testApp.app.nest.get(PrismaService).billingEvent.count()).toBe(0);
});

it('covers every route of the billing controllers, and paths under them that do not exist, in any case', async () => {
  const billingRoutes = listRoutes(testApp.app.nest.get(ModulesContainer)).filter((route) =>
    /^(Billing|BillingWebhook|AdminBilling)Controller\./.test(route.handler),
  );
  expect(billingRoutes).toHaveLength(billingOperations.length);
  for (const route of billingRoutes)
    expect({ route: route.path, gated: isBillingPath(route.path) }).toEqual({
      route: route.path,
      gated: true,
    });
  for (const url of ['/api/v1/billing/', '/api/v1/Billing', '/api/v1/billing/nothing/here', '/api/v1/ADMIN/billing']) {
    const response = await user.agent.get(url);
    expect({ url, status: response.status, code: response.body.error?.code }).toEqual({
      url,
      status: 404,
      code: 'BILLING_DISABLED',
    });
  }
  // And nothing else: neighbours of the billing paths are routed as usual.
  await user.agent.get('/api/v1/organizations/home').expect(200);
  expect(isBillingPath('/api/v1/billingsomething')).toBe(false);
  expect(isBillingPath('/api/v1/organizations/home/billing-notes')).toBe(false);
});

it('says billing is off in the session state, signed in or not', async () => {
  expect((await testApp.http.get('/api/v1/auth/session').expect(200)).body.features).toEqual({ billing: false });
  expect((await user.agent.get('/api/v1/auth/session').expect(200)).body.features).toEqual({ billing: false });
});

it('limits nothing: more private blueprints than any free plan allows', async () => {
  const entitlements = testApp.app.nest.get(EntitlementService);
  expect(entitlements.enabled).toBe(false);
  for (const key of LIMIT_KEYS) expect(await entitlements.limit({ kind: 'user', id: user.userId }, key)).toBeNull();

  const freeLimit = TEST_PLANS.plans[0]!.limits.privateBlueprints ?? 0;
  // Also beyond the default Free plan's 10.
  const wanted = Math.max(freeLimit, 10) + 1;
  for (let index = 0; index < wanted; index += 1) {
    const created = await createBlueprint(user, { name: `Private ${index}`, visibility: 'private' });
    expect(created.visibility).toBe('private');
  }
  const held = await testApp.app.nest
    .get(PrismaService)
    .blueprint.count({ where: { ownerId: user.userId, visibility: 'private', deletedAt: null } });
  expect(held).toBe(wanted);
});
