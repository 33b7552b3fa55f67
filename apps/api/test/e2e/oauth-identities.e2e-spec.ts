import { randomBytes } from 'node:crypto';
import { PrismaService } from '../../src/database/prisma.service';
import { startFakeGithub, type FakeGithub, type FakeGithubUser } from '../support/fake-github';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google';
import { TestBrowser } from '../support/oauth-browser';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

function githubUser(id: number, email: string): FakeGithubUser {
  return { id, login: `octo-${id}`, name: null, emails: [{ email, primary: true, verified: true }] };
}

describe('linked identities', () => {
  let testApp: TestApp;
  let github: FakeGithub;
  let google: FakeGoogle;
  let prisma: PrismaService;

  beforeAll(async () => {
    github = await startFakeGithub(githubUser(1, 'first@example.org'));
    google = await startFakeGoogle({ sub: 'g-1', email: 'g1@example.org', email_verified: true });
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

  async function linkUrl(signedIn: SignedIn, provider = 'github'): Promise<string> {
    const response = await signedIn.agent
      .post(`/api/v1/account/identities/${provider}/link`)
      .set(signedIn.writeHeaders)
      .expect(200);
    return response.body.url as string;
  }

  function browserOf(signedIn: SignedIn): TestBrowser {
    const browser = new TestBrowser(testApp);
    browser.adoptSession(signedIn);
    return browser;
  }

  /** A user who signed up through GitHub, with a session. */
  async function githubSignUp(id: number, email: string): Promise<{ userId: string; browser: TestBrowser }> {
    github.setUser(githubUser(id, email));
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oauth/github/start')).toBe('/');
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { userId: user.id, browser };
  }

  describe('linking from the settings page', () => {
    it('links GitHub to the signed-in user in the same session, and GitHub then signs them in', async () => {
      const signedIn = await signInAs(testApp, 'linker@example.org');
      const url = await linkUrl(signedIn);
      expect(url).toMatch(/^http:\/\/lynx\.test\/api\/v1\/auth\/oauth\/github\/start\?link_token=[A-Za-z0-9_-]{43}$/);
      // Linking does not depend on the address GitHub reports.
      github.setUser(githubUser(3001, 'someone-else@example.org'));
      const browser = browserOf(signedIn);
      expect(await browser.navigate(url)).toBe('/settings/security?linked=github');
      expect(testApp.rawLogs()).not.toContain(new URL(url).searchParams.get('link_token'));

      // Same session: not replaced, not duplicated.
      expect(browser.sessionCookie).toBe(signedIn.sessionCookie.split('=')[1]);
      expect(await prisma.session.count({ where: { userId: signedIn.userId } })).toBe(1);
      const listed = await signedIn.agent.get('/api/v1/account/identities').expect(200);
      expect(listed.body).toEqual([
        {
          id: expect.any(String),
          provider: 'github',
          email: 'someone-else@example.org',
          createdAt: expect.any(String),
          lastUsedAt: expect.any(String),
        },
      ]);
      const audit = await prisma.auditEvent.findFirstOrThrow({
        where: { action: 'auth.identity_linked', actorId: signedIn.userId },
      });
      expect(audit.metadata).toMatchObject({ provider: 'github', via: 'settings' });

      const later = new TestBrowser(testApp);
      expect(await later.navigate('/api/v1/auth/oauth/github/start')).toBe('/');
      const session = await testApp.http
        .get('/api/v1/auth/session')
        .set('Cookie', `lp_session=${later.sessionCookie}`)
        .expect(200);
      expect(session.body.user.id).toBe(signedIn.userId);
    });

    it('links Google as well', async () => {
      const signedIn = await signInAs(testApp, 'google-linker@example.org');
      google.setUser({ sub: 'g-3100', email: 'google-linker@example.org', email_verified: true });
      expect(await browserOf(signedIn).navigate(await linkUrl(signedIn, 'google'))).toBe(
        '/settings/security?linked=google',
      );
      expect(
        await prisma.authIdentity.count({
          where: { userId: signedIn.userId, provider: 'google', providerUserId: 'g-3100' },
        }),
      ).toBe(1);
    });

    it('refuses an identity already linked to another account: IDENTITY_ALREADY_LINKED', async () => {
      const owner = await githubSignUp(3002, 'owner@example.org');
      const signedIn = await signInAs(testApp, 'claimant@example.org');
      github.setUser(githubUser(3002, 'owner@example.org'));
      expect(await browserOf(signedIn).navigate(await linkUrl(signedIn))).toBe(
        '/sign-in?error=IDENTITY_ALREADY_LINKED',
      );
      const identity = await prisma.authIdentity.findUniqueOrThrow({
        where: { provider_providerUserId: { provider: 'github', providerUserId: '3002' } },
      });
      expect(identity.userId).toBe(owner.userId);
      expect(await prisma.authIdentity.count({ where: { userId: signedIn.userId } })).toBe(0);
    });

    it('refuses a link URL opened by another signed-in browser', async () => {
      const asker = await signInAs(testApp, 'asker@example.org');
      const url = await linkUrl(asker);
      const other = await signInAs(testApp, 'other-browser@example.org');
      github.setUser(githubUser(3003, 'asker@example.org'));
      const authorizations = github.requestsTo('/login/oauth/authorize').length;
      expect(await browserOf(other).navigate(url)).toBe('/sign-in?error=OAUTH_LINK_INVALID');
      expect(await prisma.authIdentity.count({ where: { providerUserId: '3003' } })).toBe(0);
      // Nothing reached GitHub: the flow stopped at our start route.
      expect(github.requestsTo('/login/oauth/authorize')).toHaveLength(authorizations);
    });

    it('refuses a link URL opened without any session', async () => {
      const asker = await signInAs(testApp, 'asker2@example.org');
      const url = await linkUrl(asker);
      expect(await new TestBrowser(testApp).navigate(url)).toBe('/sign-in?error=OAUTH_LINK_INVALID');
    });

    it('refuses a link URL used twice', async () => {
      const signedIn = await signInAs(testApp, 'twice@example.org');
      const url = await linkUrl(signedIn);
      github.setUser(githubUser(3004, 'twice@example.org'));
      const browser = browserOf(signedIn);
      expect(await browser.navigate(url)).toBe('/settings/security?linked=github');
      expect(await browser.navigate(url)).toBe('/sign-in?error=OAUTH_LINK_INVALID');
    });

    it('refuses to start a link without the CSRF token', async () => {
      const signedIn = await signInAs(testApp, 'csrf-link@example.org');
      const response = await signedIn.agent
        .post('/api/v1/account/identities/github/link')
        .set('Origin', 'http://lynx.test')
        .expect(403);
      expect(response.body.error.code).toBe('CSRF_FAILED');
    });

    it('answers 404 PROVIDER_NOT_CONFIGURED for a provider this instance does not offer', async () => {
      const signedIn = await signInAs(testApp, 'no-oidc@example.org');
      for (const provider of ['oidc', 'facebook']) {
        const response = await signedIn.agent
          .post(`/api/v1/account/identities/${provider}/link`)
          .set(signedIn.writeHeaders)
          .expect(404);
        expect(response.body.error.code).toBe('PROVIDER_NOT_CONFIGURED');
      }
    });

    it('needs a signed-in session', async () => {
      const response = await testApp.http.get('/api/v1/account/identities').expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('unlinking', () => {
    async function identityIdOf(userId: string, provider = 'github'): Promise<string> {
      return (await prisma.authIdentity.findFirstOrThrow({ where: { userId, provider } })).id;
    }

    async function sessionFor(userId: string): Promise<SignedIn> {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
      return signInAs(testApp, user.email);
    }

    it('removes an identity while the verified address still signs the user in (magic link)', async () => {
      const { userId } = await githubSignUp(4001, 'keeps-email@example.org');
      const signedIn = await sessionFor(userId);
      const id = await identityIdOf(userId);
      await signedIn.agent.delete(`/api/v1/account/identities/${id}`).set(signedIn.writeHeaders).expect(204);
      expect(await prisma.authIdentity.count({ where: { userId } })).toBe(0);
      const audit = await prisma.auditEvent.findFirstOrThrow({
        where: { action: 'auth.identity_unlinked', actorId: userId },
      });
      expect(audit.metadata).toMatchObject({ provider: 'github' });
      expect(audit.targetId).toBe(id);
    });

    it('refuses to remove the last way to sign in: 409 LAST_SIGN_IN_METHOD', async () => {
      const { userId } = await githubSignUp(4002, 'only-github@example.org');
      const signedIn = await sessionFor(userId);
      // An address that is not verified is not a way in.
      await prisma.user.update({ where: { id: userId }, data: { emailVerifiedAt: null } });
      const id = await identityIdOf(userId);
      const response = await signedIn.agent
        .delete(`/api/v1/account/identities/${id}`)
        .set(signedIn.writeHeaders)
        .expect(409);
      expect(response.body.error.code).toBe('LAST_SIGN_IN_METHOD');
      expect(await prisma.authIdentity.count({ where: { userId } })).toBe(1);
    });

    it('allows it once a passkey is another way in', async () => {
      const { userId } = await githubSignUp(4003, 'has-passkey@example.org');
      const signedIn = await sessionFor(userId);
      await prisma.user.update({ where: { id: userId }, data: { emailVerifiedAt: null } });
      await prisma.passkey.create({
        data: {
          userId,
          credentialId: randomBytes(16).toString('base64url'),
          publicKey: randomBytes(65),
          counter: 0n,
          transports: ['internal'],
          deviceType: 'multiDevice',
          backedUp: true,
          name: 'Laptop',
        },
      });
      const id = await identityIdOf(userId);
      await signedIn.agent.delete(`/api/v1/account/identities/${id}`).set(signedIn.writeHeaders).expect(204);
    });

    it('allows removing one of two identities, but not the second', async () => {
      const { userId } = await githubSignUp(4004, 'two-providers@example.org');
      const signedIn = await sessionFor(userId);
      google.setUser({ sub: 'g-4004', email: 'two-providers@example.org', email_verified: true });
      expect(await browserOf(signedIn).navigate(await linkUrl(signedIn, 'google'))).toBe(
        '/settings/security?linked=google',
      );
      await prisma.user.update({ where: { id: userId }, data: { emailVerifiedAt: null } });
      await signedIn.agent
        .delete(`/api/v1/account/identities/${await identityIdOf(userId, 'github')}`)
        .set(signedIn.writeHeaders)
        .expect(204);
      const last = await signedIn.agent
        .delete(`/api/v1/account/identities/${await identityIdOf(userId, 'google')}`)
        .set(signedIn.writeHeaders)
        .expect(409);
      expect(last.body.error.code).toBe('LAST_SIGN_IN_METHOD');
    });

    it("answers 404 for another user's identity and leaves it alone", async () => {
      const { userId: ownerId } = await githubSignUp(4005, 'not-yours@example.org');
      const intruder = await signInAs(testApp, 'intruder@example.org');
      const id = await identityIdOf(ownerId);
      const response = await intruder.agent
        .delete(`/api/v1/account/identities/${id}`)
        .set(intruder.writeHeaders)
        .expect(404);
      expect(response.body.error.code).toBe('IDENTITY_NOT_FOUND');
      expect(await prisma.authIdentity.count({ where: { id } })).toBe(1);
    });
  });

  describe('two-step verification', () => {
    it('gives a GitHub sign-in of a user with two-step verification only a pending session', async () => {
      const { userId } = await githubSignUp(5001, 'two-step@example.org');
      await prisma.totpFactor.create({ data: { userId, secretEncrypted: 'v1.test', enabledAt: new Date() } });
      const browser = new TestBrowser(testApp);
      expect(await browser.navigate('/api/v1/auth/oauth/github/start?returnTo=/me')).toBe('/me');
      const session = await testApp.http
        .get('/api/v1/auth/session')
        .set('Cookie', `lp_session=${browser.sessionCookie}`)
        .expect(200);
      expect(session.body.status).toBe('pending_second_factor');
    });
  });
});

describe('provider sign-in when not configured', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
  });
  afterAll(() => testApp.close());

  it.each([
    '/api/v1/auth/oauth/github/start',
    '/api/v1/auth/oauth/github/callback?code=x&state=y',
    '/api/v1/auth/oauth/google/start',
    '/api/v1/auth/oauth/google/callback?code=x&state=y',
    '/api/v1/auth/oidc/start',
    '/api/v1/auth/oidc/callback?code=x&state=y',
  ])('answers 404 PROVIDER_NOT_CONFIGURED at %s', async (path) => {
    const response = await testApp.http.get(path).expect(404);
    expect(response.body.error.code).toBe('PROVIDER_NOT_CONFIGURED');
  });

  it('lists the providers as unavailable in the session methods', async () => {
    const response = await testApp.http.get('/api/v1/auth/session').expect(200);
    expect(response.body.methods).toMatchObject({ github: false, google: false, sso: null });
  });
});

describe('provider sign-up with registration closed', () => {
  let testApp: TestApp;
  let github: FakeGithub;

  beforeAll(async () => {
    github = await startFakeGithub(githubUser(6001, 'stranger@example.org'));
    testApp = await startTestApp({
      env: {
        ENABLE_REGISTRATION: 'false',
        ...github.env,
      },
    });
  });
  afterAll(async () => {
    await testApp.close();
    await github.close();
  });

  it('refuses a new account with REGISTRATION_CLOSED', async () => {
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oauth/github/start')).toBe('/sign-in?error=REGISTRATION_CLOSED');
    expect(browser.sessionCookie).toBeUndefined();
    const prisma = testApp.app.nest.get(PrismaService);
    expect(await prisma.user.count({ where: { email: 'stranger@example.org' } })).toBe(0);
  });

  it('limits how many flows one address can start (100 per 10 minutes)', async () => {
    const started = async () => {
      const response = await testApp.http.get('/api/v1/auth/oauth/github/start').expect(302);
      return !String(response.headers.location).startsWith('/sign-in?error=RATE_LIMITED');
    };
    let allowed = 0;
    while (allowed <= 100 && (await started())) allowed += 1;
    // Other tests of this app may have used a start or two of the same window.
    expect(allowed).toBeGreaterThanOrEqual(95);
    expect(allowed).toBeLessThanOrEqual(100);
    expect(await started()).toBe(false);
  });
});
