import { startTestApp, type TestApp } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe('metrics without METRICS_TOKEN', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('does not exist', async () => {
    const response = await testApp.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('metrics with METRICS_TOKEN', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(() => testApp.close());

  it('refuses a missing or wrong token', async () => {
    expect((await testApp.http.get('/metrics').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    await testApp.http.get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token-00').expect(401);
  });

  it('serves request counts, latencies and job counts by route template', async () => {
    await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    await testApp.http.get('/api/v1/nothing-here/123').expect(404);
    const response = await testApp.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(
      /http_requests_total\{method="GET",route="\/.well-known\/lynxprompt.json",status="200"\} 1/,
    );
    expect(response.text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toMatch(/jobs_queued\{state="waiting"\} \d+/);
    expect(response.text).not.toContain('nothing-here');
  });
});
