import { createHash } from 'node:crypto';
import { PrismaService } from '../../src/database/prisma.service';
import { startFakeGithub, type FakeGithub, type FakeGithubUser } from '../support/fake-github';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google';
import { TestBrowser } from '../support/oauth-browser';
import { signInAs, TestSignInModule } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const CALLBACK = 'http://lynx.test/api/v1/auth/oauth/github/callback';

function githubUser(id: number, email: string, overrides: Partial<FakeGithubUser> = {}): FakeGithubUser {
  return {
    id,
    login: `octo-${id}`,
    name: `Octo ${id}`,
    emails: [{ email, primary: true, verified: true }],
    ...overrides,
  };
}

function isGithubCallback(url: URL): boolean {
  return url.href.startsWith(CALLBACK);
}

describe('GitHub and Google sign-in', () => {
  let testApp: TestApp;
  let github: FakeGithub;
  let google: FakeGoogle;
  let prisma: PrismaService;

  beforeAll(async () => {
    github = await startFakeGithub(githubUser(1, 'first@example.org'));
    google = await startFakeGoogle({ sub: 'g-1', email: 'g1@example.org', email_verified: true, name: 'Gee One' });
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: { ...github.env, ...google.env },
    });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await github.close();
    await google.close();
  });

  const auditOf = (action: string) => prisma.auditEvent.findMany({ where: { action }, orderBy: { occurredAt: 'asc' } });

  /** Starts a GitHub sign-in and stops before the browser comes back to our callback. */
  async function untilCallback(browser: TestBrowser, start = '/api/v1/auth/oauth/github/start'): Promise<URL> {
    return new URL(await browser.navigate(start, isGithubCallback));
  }

  describe('GitHub', () => {
    it('signs up on first use: PKCE S256 and state on the way out, the account and identity created', async () => {
      github.setUser(githubUser(1001, 'Octo.Cat@Example.org'));
      const browser = new TestBrowser(testApp);
      const start = await browser.get('/api/v1/auth/oauth/github/start?returnTo=/blueprints?tab=mine');
      expect(start.status).toBe(302);
      const authorize = new URL(start.location!);
      expect(authorize.origin + authorize.pathname).toBe(`${github.webUrl}/login/oauth/authorize`);
      const query = Object.fromEntries(authorize.searchParams);
      expect(query).toMatchObject({
        client_id: github.clientId,
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'read:user,user:email',
        code_challenge_method: 'S256',
      });
      expect(query.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(query.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The browser-binding cookie: HttpOnly, SameSite=Lax, short-lived.
      const binding = start.setCookies.find((line) => line.startsWith('lp_oauth='))!;
      expect(binding).toMatch(/; HttpOnly/);
      expect(binding).toMatch(/; SameSite=Lax/);
      expect(binding).toMatch(/Max-Age=600/);

      const landing = await browser.navigate(start.location!);
      expect(landing).toBe('/blueprints?tab=mine');

      // The token request carried the verifier whose S256 is the challenge sent to the authorize page.
      const tokenRequest = github.requestsTo('/login/oauth/access_token').at(-1)!;
      expect(createHash('sha256').update(tokenRequest.body.code_verifier!).digest('base64url')).toBe(
        query.code_challenge,
      );
      expect(github.requestsTo('/api/v3/user/emails').length).toBeGreaterThan(0);
      // None of the flow's secrets, nor the address, reaches the log.
      const logs = testApp.rawLogs();
      expect(logs).toContain('/api/v1/auth/oauth/github/callback');
      for (const secret of [query.state!, tokenRequest.body.code!, tokenRequest.body.code_verifier!]) {
        expect(logs).not.toContain(secret);
      }
      expect(logs.toLowerCase()).not.toContain('octo.cat@example.org');

      const session = await testApp.http
        .get('/api/v1/auth/session')
        .set('Cookie', `lp_session=${browser.sessionCookie}`)
        .expect(200);
      expect(session.body).toMatchObject({
        status: 'active',
        user: { email: 'octo.cat@example.org', handle: 'octo-1001', displayName: 'Octo 1001' },
      });
      const identity = await prisma.authIdentity.findUniqueOrThrow({
        where: { provider_providerUserId: { provider: 'github', providerUserId: '1001' } },
      });
      expect(identity.userId).toBe(session.body.user.id);
      expect(identity.email).toBe('Octo.Cat@Example.org');
      const linked = (await auditOf('auth.identity_linked')).filter((event) => event.actorId === identity.userId);
      expect(linked).toHaveLength(1);
      expect(linked[0]!.metadata).toMatchObject({ provider: 'github', via: 'sign_up' });
    });

    it('signs in through the linked identity next time, whatever address GitHub now reports', async () => {
      github.setUser(githubUser(1002, 'before@example.org'));
      const first = new TestBrowser(testApp);
      expect(await first.navigate('/api/v1/auth/oauth/github/start')).toBe('/');
      const user = await prisma.user.findUniqueOrThrow({ where: { email: 'before@example.org' } });

      github.setUser(githubUser(1002, 'after@example.org'));
      const second = new TestBrowser(testApp);
      expect(await second.navigate('/api/v1/auth/oauth/github/start')).toBe('/');
      const session = await testApp.http
        .get('/api/v1/auth/session')
        .set('Cookie', `lp_session=${second.sessionCookie}`)
        .expect(200);
      expect(session.body.user.id).toBe(user.id);
      expect(await prisma.user.findUnique({ where: { email: 'after@example.org' } })).toBeNull();
      expect(await prisma.authIdentity.count({ where: { userId: user.id } })).toBe(1);
    });

    it('refuses an unverified primary address (OAUTH_EMAIL_UNVERIFIED), even with a verified secondary one', async () => {
      github.setUser(
        githubUser(1003, 'unverified@example.org', {
          emails: [
            { email: 'unverified@example.org', primary: true, verified: false },
            { email: 'secondary@example.org', primary: false, verified: true },
          ],
        }),
      );
      const browser = new TestBrowser(testApp);
      expect(await browser.navigate('/api/v1/auth/oauth/github/start')).toBe('/sign-in?error=OAUTH_EMAIL_UNVERIFIED');
      expect(browser.sessionCookie).toBeUndefined();
      expect(
        await prisma.user.count({ where: { email: { in: ['unverified@example.org', 'secondary@example.org'] } } }),
      ).toBe(0);
      expect(await prisma.authIdentity.count({ where: { providerUserId: '1003' } })).toBe(0);
    });

    it('never links silently to an existing account with that address: ACCOUNT_EXISTS_LINK_REQUIRED, no session', async () => {
      const existing = await signInAs(testApp, 'taken@example.org');
      github.setUser(githubUser(1004, 'taken@example.org'));
      const browser = new TestBrowser(testApp);
      expect(await browser.navigate('/api/v1/auth/oauth/github/start')).toBe(
        '/sign-in?error=ACCOUNT_EXISTS_LINK_REQUIRED',
      );
      expect(browser.sessionCookie).toBeUndefined();
      expect(await prisma.authIdentity.count({ where: { providerUserId: '1004' } })).toBe(0);
      // The owner of the address sees the attempt in their security log.
      const failures = (await auditOf('auth.sign_in_failed')).filter((event) => event.actorId === existing.userId);
      expect(failures.at(-1)!.metadata).toMatchObject({ method: 'github', reason: 'ACCOUNT_EXISTS_LINK_REQUIRED' });
    });

    it('refuses a tampered state, and the untouched callback still works afterwards', async () => {
      github.setUser(githubUser(1005, 'tamper@example.org'));
      const browser = new TestBrowser(testApp);
      const callback = await untilCallback(browser);
      const tampered = new URL(callback);
      const state = tampered.searchParams.get('state')!;
      tampered.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
      expect(await browser.navigate(tampered.href)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
      expect(browser.sessionCookie).toBeUndefined();
      const failure = (await auditOf('auth.sign_in_failed')).at(-1)!;
      expect(failure.metadata).toMatchObject({ method: 'github', reason: 'OAUTH_STATE_INVALID' });
      // The code was never redeemed: the refusal came from the state check alone.
      expect(await browser.navigate(callback.href)).toBe('/');
      expect(browser.sessionCookie).toBeDefined();
    });

    it('refuses a callback without state', async () => {
      github.setUser(githubUser(1006, 'nostate@example.org'));
      const browser = new TestBrowser(testApp);
      const callback = await untilCallback(browser);
      callback.searchParams.delete('state');
      const tokenRequests = github.requestsTo('/login/oauth/access_token').length;
      expect(await browser.navigate(callback.href)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
      expect(github.requestsTo('/login/oauth/access_token')).toHaveLength(tokenRequests);
      expect(await prisma.user.count({ where: { email: 'nostate@example.org' } })).toBe(0);
    });

    it('refuses a state minted for another browser (login CSRF), without using it up', async () => {
      github.setUser(githubUser(1007, 'attacker@example.org'));
      const attacker = new TestBrowser(testApp);
      const callback = await untilCallback(attacker);
      // The victim's browser has a flow of its own (so a binding cookie), just not this one.
      const victim = new TestBrowser(testApp);
      await untilCallback(victim);
      expect(victim.cookie('lp_oauth')).toBeDefined();
      expect(await victim.navigate(callback.href)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
      expect(victim.sessionCookie).toBeUndefined();
      // A browser with no binding cookie at all fares no better.
      expect(await new TestBrowser(testApp).navigate(callback.href)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
      // Its own browser can still finish it.
      expect(await attacker.navigate(callback.href)).toBe('/');
    });

    it('refuses a state used a second time', async () => {
      github.setUser(githubUser(1008, 'replay@example.org'));
      const browser = new TestBrowser(testApp);
      const callback = await untilCallback(browser);
      expect(await browser.navigate(callback.href)).toBe('/');
      const user = await prisma.user.findUniqueOrThrow({ where: { email: 'replay@example.org' } });
      // Same browser, same binding cookie: only the single use stands in the way.
      expect(await browser.navigate(callback.href)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
      const failure = (await auditOf('auth.sign_in_failed')).at(-1)!;
      expect(failure.metadata).toMatchObject({ reason: 'OAUTH_STATE_INVALID', detail: 'state_unknown_or_used' });
    });

    it.each([
      ['a scheme-relative URL', '//evil.example/welcome'],
      ['an absolute URL', 'https://evil.example/welcome'],
      ['a backslash trick', '/\\evil.example'],
    ])('neutralises %s as returnTo (no open redirect)', async (_label, returnTo) => {
      github.setUser(githubUser(1009, 'redirect@example.org'));
      const browser = new TestBrowser(testApp);
      const landing = await browser.navigate(
        `/api/v1/auth/oauth/github/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(landing).toBe('/');
      expect(browser.hops.every((hop) => !hop.location?.includes('evil.example'))).toBe(true);
    });

    it('reports access denied at the provider as OAUTH_DENIED', async () => {
      const browser = new TestBrowser(testApp);
      const callback = await untilCallback(browser);
      const denied = new URL(CALLBACK);
      denied.searchParams.set('error', 'access_denied');
      denied.searchParams.set('state', callback.searchParams.get('state')!);
      expect(await browser.navigate(denied.href)).toBe('/sign-in?error=OAUTH_DENIED');
    });

    it('never lets the start route act as a callback', async () => {
      const browser = new TestBrowser(testApp);
      const callback = await untilCallback(browser);
      const tokenRequests = github.requestsTo('/login/oauth/access_token').length;
      const viaStart = `/api/v1/auth/oauth/github/start${callback.search}`;
      expect(await browser.navigate(viaStart)).toBe('/sign-in?error=OAUTH_FAILED');
      expect(github.requestsTo('/login/oauth/access_token')).toHaveLength(tokenRequests);
      expect(browser.sessionCookie).toBeUndefined();
    });

    it('answers a callback without a code with an error page, not a new redirect to GitHub', async () => {
      const browser = new TestBrowser(testApp);
      expect(await browser.navigate('/api/v1/auth/oauth/github/callback')).toBe('/sign-in?error=OAUTH_FAILED');
    });
  });

  describe('Google', () => {
    it('signs up with a verified Google address, with PKCE S256', async () => {
      google.setUser({ sub: 'g-2001', email: 'gee@example.org', email_verified: true, name: 'Gee Whiz' });
      const browser = new TestBrowser(testApp);
      const landing = await browser.navigate('/api/v1/auth/oauth/google/start?returnTo=/settings');
      expect(landing).toBe('/settings');
      const authorize = google.requestsTo('/o/oauth2/v2/auth').at(-1)!;
      expect(authorize.query).toMatchObject({
        redirect_uri: 'http://lynx.test/api/v1/auth/oauth/google/callback',
        scope: 'openid email profile',
        code_challenge_method: 'S256',
      });
      expect(authorize.query.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const token = google.requestsTo('/token').at(-1)!;
      expect(createHash('sha256').update(token.body.code_verifier!).digest('base64url')).toBe(
        authorize.query.code_challenge,
      );
      const identity = await prisma.authIdentity.findUniqueOrThrow({
        where: { provider_providerUserId: { provider: 'google', providerUserId: 'g-2001' } },
        include: { user: true },
      });
      expect(identity.user).toMatchObject({ email: 'gee@example.org', displayName: 'Gee Whiz' });
      expect(browser.sessionCookie).toBeDefined();
    });

    it('refuses an address Google has not verified', async () => {
      google.setUser({ sub: 'g-2002', email: 'gunverified@example.org', email_verified: false });
      const browser = new TestBrowser(testApp);
      expect(await browser.navigate('/api/v1/auth/oauth/google/start')).toBe('/sign-in?error=OAUTH_EMAIL_UNVERIFIED');
      expect(await prisma.user.count({ where: { email: 'gunverified@example.org' } })).toBe(0);
    });
  });
});
