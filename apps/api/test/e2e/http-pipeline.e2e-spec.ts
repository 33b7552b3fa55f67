import { ProbeModule } from '../support/probe.module';
import { startTestApp, type TestApp } from '../support/test-app';

const validBody = { name: 'ok', count: 2, owner: { email: 'owner@example.org' } };

describe('HTTP pipeline', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [ProbeModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => testApp.close());

  it('answers an unknown route with 404 NOT_FOUND in the envelope', async () => {
    const response = await testApp.http.get('/api/v1/does-not-exist').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/does-not-exist' },
      requestId: response.headers['x-request-id'],
    });
  });

  it('echoes a well-formed X-Request-Id and replaces a hostile one', async () => {
    const kept = await testApp.http.get('/api/v1/nope').set('X-Request-Id', 'trace-123.abc').expect(404);
    expect(kept.headers['x-request-id']).toBe('trace-123.abc');
    expect(kept.body.requestId).toBe('trace-123.abc');

    const replaced = await testApp.http.get('/api/v1/nope').set('X-Request-Id', 'bad id <script>').expect(404);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.body.requestId).toBe(replaced.headers['x-request-id']);
  });

  it('accepts a valid JSON body', async () => {
    const response = await testApp.http.post('/api/v1/test-probe/echo').send(validBody).expect(201);
    expect(response.body).toEqual(validBody);
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await testApp.http
      .post('/api/v1/test-probe/echo')
      .set('Content-Type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
  });

  it('rejects a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await testApp.http
      .post('/api/v1/test-probe/echo')
      .send({ ...validBody, name: 'x'.repeat(4000) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects a non-JSON body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await testApp.http
      .post('/api/v1/test-probe/echo')
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lists every invalid field with 400 VALIDATION_FAILED', async () => {
    const response = await testApp.http
      .post('/api/v1/test-probe/echo')
      .send({ name: '', count: 99, owner: { email: 'not-an-email' }, extra: true })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.error.details.fields as Array<{ field: string }>).map((entry) => entry.field).sort();
    expect(fields).toEqual(['count', 'extra', 'name', 'owner.email']);
  });

  it('never sends a stack trace or an internal message to the client', async () => {
    const response = await testApp.http.get('/api/v1/test-probe/explode').expect(500);
    expect(response.body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error' },
      requestId: response.headers['x-request-id'],
    });
    expect(response.text).not.toMatch(/kaboom|hunter2|secret\.ts|at /);
    expect(testApp.rawLogs()).toContain('kaboom');
  });

  it('refuses an authenticated route to an anonymous caller with 401', async () => {
    const response = await testApp.http.get('/api/v1/test-probe/private').expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('sets the security headers with a strict CSP and no inline script', async () => {
    const response = await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.headers['x-powered-by']).toBeUndefined();
    // Served over plain http and no proxy is trusted: no HSTS, even if a client claims https.
    const claimed = await testApp.http.get('/api/health/live').set('X-Forwarded-Proto', 'https');
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps CORS closed by default', async () => {
    const response = await testApp.http
      .options('/api/v1/test-probe/echo')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('HTTP pipeline behind a trusted proxy', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => testApp.close());

  it('sends HSTS when the trusted proxy says the request came over https', async () => {
    const response = await testApp.http.get('/.well-known/security.txt').set('X-Forwarded-Proto', 'https').expect(200);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('rate-limits per client address as forwarded by the trusted proxy', async () => {
    const from = (address: string) => testApp.http.get('/.well-known/lynxprompt.json').set('X-Forwarded-For', address);
    for (let i = 0; i < 3; i += 1) await from('203.0.113.7').expect(200);
    const limited = await from('203.0.113.7').expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another client is unaffected.
    await from('198.51.100.9').expect(200);
  });
});

describe('rate limiting without a trusted proxy', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => testApp.close());

  it('ignores X-Forwarded-For, so a client cannot dodge the limit by forging it', async () => {
    await testApp.http.get('/.well-known/lynxprompt.json').set('X-Forwarded-For', '192.0.2.1').expect(200);
    await testApp.http.get('/.well-known/lynxprompt.json').set('X-Forwarded-For', '192.0.2.2').expect(200);
    const response = await testApp.http.get('/.well-known/lynxprompt.json').set('X-Forwarded-For', '192.0.2.3');
    expect(response.status).toBe(429);
  });
});
