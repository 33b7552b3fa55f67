import { Client } from 'pg';
import { databaseUrlFor, testDatabaseAdminUrl } from '../support/services';
import { startTestApp, type TestApp } from '../support/test-app';

describe('health', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('reports liveness', async () => {
    const response = await testApp.http.get('/api/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports readiness with both dependencies up', async () => {
    const response = await testApp.http.get('/api/health/ready').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers 503 NOT_READY when the database goes away', async () => {
    const admin = new Client({ connectionString: testDatabaseAdminUrl() });
    await admin.connect();
    const name = testApp.database.name;
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const response = await testApp.http.get('/api/health/ready').expect(503);
      expect(response.body.error.code).toBe('NOT_READY');
      expect(response.body.error.details.checks).toMatchObject({
        database: { status: 'down' },
        redis: { status: 'up' },
      });
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    // And recovers once the database is back.
    await testApp.http.get('/api/health/ready').expect(200);
    expect(databaseUrlFor(testDatabaseAdminUrl(), name)).toBe(testApp.database.url);
  });
});

describe('health with Redis unreachable', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every Redis command fails.
    testApp = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => testApp.close());

  it('answers 503 NOT_READY naming Redis as down', async () => {
    const response = await testApp.http.get('/api/health/ready').expect(503);
    expect(response.body.error.details.checks).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
  });
});
