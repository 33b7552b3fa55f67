import { startTestApp, type TestApp } from '../support/test-app';

describe('log redaction', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('writes no email, bearer token, cookie or phone number from a request into the logs', async () => {
    const email = 'alice.secret@example.org';
    const token = 'lp_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    const cookie = 'sid=s3ss10n-c00k1e-value';
    const phone = '+44 20 7946 0958';
    await testApp.http
      .get(`/api/v1/unknown?email=${encodeURIComponent(email)}&note=${encodeURIComponent(`call ${phone}`)}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Cookie', cookie)
      // An unknown bearer token is refused outright; what matters here is what the log says about it.
      .expect(401);
    await testApp.http.get(`/api/v1/magic-link?token=${token}`).expect(404);
    testApp.app.logger.info(
      { user: { email }, headers: { authorization: `Bearer ${token}`, cookie } },
      `signed in ${email}`,
    );

    const logs = testApp.rawLogs();
    // The requests were logged at all; otherwise absence would prove nothing.
    expect(logs).toContain('/api/v1/unknown');
    expect(logs).toContain('/api/v1/magic-link');
    for (const secret of [email, token, 's3ss10n-c00k1e-value', phone, '7946']) {
      expect(logs).not.toContain(secret);
    }
  });

  it('writes one JSON object per line with the request id', async () => {
    const response = await testApp.http.get('/api/health/live').set('X-Request-Id', 'log-line-check').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    const line = testApp.logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'log-line-check');
    expect(line).toMatchObject({ level: 'info', res: { statusCode: 200 } });
  });
});
