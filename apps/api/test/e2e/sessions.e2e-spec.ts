import { PURGE_EXPIRED_SESSIONS } from '../../src/auth/sessions/session-maintenance';
import { PrismaService } from '../../src/database/prisma.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { signInAs, TestSignInModule } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sessions', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
  });
  afterAll(() => testApp.close());

  it('is anonymous without a cookie and lists the sign-in methods offered', async () => {
    const response = await testApp.http.get('/api/v1/auth/session').expect(200);
    expect(response.body).toEqual({
      status: 'anonymous',
      methods: { email: true, github: false, google: false, sso: null, passkey: true, registration: true },
      features: { billing: false },
    });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie holding an opaque token whose hash alone is stored', async () => {
    const signedIn = await signInAs(testApp, 'cookie@example.org');
    expect(signedIn.setCookie).toMatch(/; HttpOnly/);
    expect(signedIn.setCookie).toMatch(/; SameSite=Lax/);
    expect(signedIn.setCookie).toMatch(/; Path=\//);
    // Plain http here: the __Host- prefix and Secure are for https (see the https test below).
    expect(signedIn.setCookie).not.toMatch(/; Secure/);
    const token = signedIn.sessionCookie.split('=')[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await testApp.app.nest.get(PrismaService).session.findMany({ where: { userId: signedIn.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    const session = await signedIn.agent.get('/api/v1/auth/session').expect(200);
    expect(session.body).toMatchObject({ status: 'active', user: { email: 'cookie@example.org', role: 'admin' } });
  });

  it('makes the first user admin and later ones plain users', async () => {
    const later = await signInAs(testApp, 'later@example.org');
    const session = await later.agent.get('/api/v1/auth/session').expect(200);
    expect(session.body.user.role).toBe('user');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const signedIn = await signInAs(testApp, 'csrf@example.org');
    const response = await signedIn.agent
      .post('/api/v1/account/sessions/revoke-others')
      .set('Origin', signedIn.writeHeaders.Origin as string)
      .expect(403);
    expect(response.body.error.code).toBe('CSRF_FAILED');
  });

  it('refuses a cookie-authenticated write from a foreign Origin, even with the token', async () => {
    const signedIn = await signInAs(testApp, 'origin@example.org');
    const response = await signedIn.agent
      .post('/api/v1/account/sessions/revoke-others')
      .set('Origin', 'https://evil.example')
      .set('X-CSRF-Token', signedIn.csrfToken)
      .expect(403);
    expect(response.body.error.code).toBe('CSRF_FAILED');
    await signedIn.agent.post('/api/v1/account/sessions/revoke-others').set(signedIn.writeHeaders).expect(200);
  });

  it('deletes the session on the server at sign-out, so the old cookie is worthless', async () => {
    const signedIn = await signInAs(testApp, 'signout@example.org');
    await signedIn.agent.post('/api/v1/auth/sign-out').set(signedIn.writeHeaders).expect(204);
    const replay = await testApp.http.get('/api/v1/account/sessions').set('Cookie', signedIn.sessionCookie).expect(401);
    expect(replay.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('lists sessions and revokes another one, which stops working at once', async () => {
    const first = await signInAs(testApp, 'two-devices@example.org');
    const second = await signInAs(testApp, 'two-devices@example.org');
    const listed = await first.agent.get('/api/v1/account/sessions').expect(200);
    expect(listed.body).toHaveLength(2);
    const other = (listed.body as Array<{ id: string; current: boolean }>).find((session) => !session.current)!;
    await first.agent.delete(`/api/v1/account/sessions/${other.id}`).set(first.writeHeaders).expect(204);
    await second.agent.get('/api/v1/account/sessions').expect(401);
    const missing = await first.agent
      .delete(`/api/v1/account/sessions/${other.id}`)
      .set(first.writeHeaders)
      .expect(404);
    expect(missing.body.error.code).toBe('SESSION_NOT_FOUND');
  });

  it('issues a new session id at every sign-in, ending the one the browser carried (no fixation)', async () => {
    const planted = await signInAs(testApp, 'fixation@example.org');
    const response = await planted.agent
      .post('/api/v1/test-support/sign-in')
      .set(planted.writeHeaders)
      .send({ email: 'fixation@example.org' })
      .expect(200);
    const fresh = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('lp_session='))!;
    expect(fresh.split(';')[0]).not.toBe(planted.sessionCookie);
    await testApp.http.get('/api/v1/account/sessions').set('Cookie', planted.sessionCookie).expect(401);
  });

  it('gives a user with two-step verification only a pending session that protected routes refuse', async () => {
    const prisma = testApp.app.nest.get(PrismaService);
    const first = await signInAs(testApp, 'pending@example.org');
    await prisma.totpFactor.create({
      data: { userId: first.userId, secretEncrypted: 'v1.test', enabledAt: new Date() },
    });
    const pending = await signInAs(testApp, 'pending@example.org');
    expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
    const refused = await pending.agent.get('/api/v1/account/sessions').expect(401);
    expect(refused.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    // Signing out stays possible.
    await pending.agent.post('/api/v1/auth/sign-out').set(pending.writeHeaders).expect(204);
  });
});

describe('expired session purge', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { LP_MODE: 'all' } });
  });
  afterAll(() => testApp.close());

  it('is scheduled hourly and removes only expired sessions when it runs', async () => {
    const queue = testApp.app.nest.get(JobQueue);
    expect(await queue.scheduled()).toEqual(
      expect.arrayContaining([{ name: PURGE_EXPIRED_SESSIONS, every: 3_600_000 }]),
    );
    const prisma = testApp.app.nest.get(PrismaService);
    const live = await signInAs(testApp, 'live@example.org');
    const stale = await signInAs(testApp, 'stale@example.org');
    await prisma.session.updateMany({
      where: { userId: stale.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    await queue.enqueue(PURGE_EXPIRED_SESSIONS, {});
    const deadline = Date.now() + 10_000;
    while ((await prisma.session.count({ where: { userId: stale.userId } })) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await prisma.session.count({ where: { userId: stale.userId } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: live.userId } })).toBe(1);
  });
});

describe('sessions under https', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { APP_URL: 'https://lynx.test' } });
  });
  afterAll(() => testApp.close());

  it('uses a Secure cookie with the __Host- prefix', async () => {
    const signedIn = await signInAs(testApp, 'secure@example.org');
    expect(signedIn.setCookie).toMatch(/^__Host-lp_session=[A-Za-z0-9_-]{43}; /);
    expect(signedIn.setCookie).toMatch(/; Secure/);
    expect(signedIn.setCookie).not.toMatch(/Domain=/);
  });
});

describe('session idle timeout', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // About 1.7 seconds of idleness ends a session.
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { SESSION_IDLE_TIMEOUT_DAYS: '0.00002' } });
  });
  afterAll(() => testApp.close());

  it('ends a session left idle too long', async () => {
    const signedIn = await signInAs(testApp, 'idle@example.org');
    await signedIn.agent.get('/api/v1/account/sessions').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await signedIn.agent.get('/api/v1/account/sessions').expect(401);
  });
});
