import { ModulesContainer } from '@nestjs/core';
import { listRoutes } from '../../src/common/security/route-inventory';
import { ForgottenPolicyModule } from '../support/probe.module';
import { startTestApp, type TestApp } from '../support/test-app';

describe('route policy', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('finds every registered route, and every one declares public or authenticated access', () => {
    const routes = listRoutes(testApp.app.nest.get(ModulesContainer));
    // The inventory must see the routes we know exist, or an empty list would pass vacuously.
    const known = routes.map((route) => `${route.method} ${route.path}`);
    expect(known).toEqual(
      expect.arrayContaining([
        'GET /.well-known/lynxprompt.json',
        'GET /.well-known/security.txt',
        'GET /api/health/live',
        'GET /api/health/ready',
        'GET /metrics',
      ]),
    );
    const undeclared = routes
      .filter((route) => !route.policy)
      .map((route) => `${route.method} ${route.path} (${route.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('matches the routes Express actually serves', () => {
    const routes = listRoutes(testApp.app.nest.get(ModulesContainer));
    const router = (
      testApp.app.nest.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router;
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
      )
      .filter((route) => !route.startsWith('GET /api/docs') && !route.startsWith('GET /api/openapi'));

    expect(served.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });
});

describe('a route without a declared policy', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [ForgottenPolicyModule] });
  });
  afterAll(() => testApp.close());

  it('is reported by the inventory', () => {
    const undeclared = listRoutes(testApp.app.nest.get(ModulesContainer)).filter((route) => !route.policy);
    expect(undeclared.map((route) => route.handler)).toEqual(['ForgottenPolicyController.forgotten']);
  });

  it('fails closed at run time', async () => {
    const response = await testApp.http.get('/api/v1/test-forgotten').expect(500);
    expect(response.body.error.code).toBe('ROUTE_POLICY_MISSING');
    expect(response.text).not.toContain('a route whose author forgot');
  });
});
