import { randomBytes } from 'node:crypto';
import { PrismaService } from '../../src/database/prisma.service';
import { TestBrowser } from '../support/oauth-browser';
import { startOidcProvider, type IdTokenTampering, type TestOidcProvider } from '../support/oidc-provider';
import { signInAs, TestSignInModule } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const CALLBACK = 'http://lynx.test/api/v1/auth/oidc/callback';
const CLIENT_ID = 'lynxprompt';
const CLIENT_SECRET = randomBytes(24).toString('hex');

describe('OpenID Connect sign-in against a real OpenID Provider', () => {
  let testApp: TestApp;
  let provider: TestOidcProvider;
  let prisma: PrismaService;

  beforeAll(async () => {
    provider = await startOidcProvider(
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: CALLBACK },
      { sub: 'first', email: 'first@example.org', email_verified: true },
    );
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_DISPLAY_NAME: 'Acme SSO',
      },
    });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await provider.close();
  });
  afterEach(() => provider.setTampering('none'));

  const lastFailure = async () =>
    (await prisma.auditEvent.findMany({ where: { action: 'auth.sign_in_failed' }, orderBy: { occurredAt: 'desc' } }))[0]
      ?.metadata as Record<string, unknown> | undefined;

  async function sessionOf(browser: TestBrowser) {
    const response = await testApp.http
      .get('/api/v1/auth/session')
      .set('Cookie', `lp_session=${browser.sessionCookie}`)
      .expect(200);
    return response.body as { status: string; user?: { id: string; email: string; handle: string } };
  }

  it('offers the provider under its display name', async () => {
    const response = await testApp.http.get('/api/v1/auth/session').expect(200);
    expect(response.body.methods.sso).toBe('Acme SSO');
  });

  it('signs up end to end: PKCE S256, state and nonce, identity scoped to the issuer', async () => {
    await provider.setAccount({ sub: 'alice', email: 'alice@example.org', email_verified: true, name: 'Alice A' });
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start?returnTo=/welcome')).toBe('/welcome');

    const authorization = provider.authorizationRequests.at(-1)!;
    expect(authorization).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(authorization.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The ID token the app accepted carried that nonce.
    expect(provider.tokenResponses.at(-1)!.originalClaims.nonce).toBe(authorization.nonce);

    const session = await sessionOf(browser);
    expect(session).toMatchObject({ status: 'active', user: { email: 'alice@example.org' } });
    const identity = await prisma.authIdentity.findFirstOrThrow({ where: { userId: session.user!.id } });
    expect(identity).toMatchObject({ provider: 'oidc', providerUserId: `${provider.issuer}|alice` });
  });

  // The open-redirect bypass list, through the real start and callback: each one must land on our own origin.
  it.each([
    '/.//evil.example/phish',
    '/a/../..//evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/%2f%2fevil.example',
    '/\t/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
  ])('never sends the browser off our origin after sign-in: returnTo=%j', async (returnTo) => {
    await provider.setAccount({ sub: 'redirected', email: 'redirected@example.org', email_verified: true });
    const browser = new TestBrowser(testApp);
    const landed = await browser.navigate(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(landed).toBe('/');
    // Every Location the app answered stays on our origin (or goes to the provider), whatever the browser resolves.
    for (const hop of browser.hops) {
      if (hop.location)
        expect([browser.appOrigin, new URL(provider.issuer).origin]).toContain(new URL(hop.location).origin);
    }
    expect((await sessionOf(browser)).status).toBe('active');
  });

  it('shows a provider profile name without its invisible and bidi characters', async () => {
    await provider.setAccount({
      sub: 'eve',
      email: 'eve@example.org',
      email_verified: true,
      name: 'Eve\u202Egnp.exe\u200B',
    });
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start')).toBe('/');
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'eve@example.org' } });
    expect(user.displayName).toBe('Evegnp.exe');
  });

  it('signs in through the linked identity the next time', async () => {
    await provider.setAccount({ sub: 'bob', email: 'bob@example.org', email_verified: true });
    const first = new TestBrowser(testApp);
    expect(await first.navigate('/api/v1/auth/oidc/start')).toBe('/');
    const userId = (await sessionOf(first)).user!.id;
    const second = new TestBrowser(testApp);
    expect(await second.navigate('/api/v1/auth/oidc/start')).toBe('/');
    expect((await sessionOf(second)).user!.id).toBe(userId);
    expect(await prisma.authIdentity.count({ where: { userId } })).toBe(1);
  });

  it('refuses an address the provider does not mark verified: OAUTH_EMAIL_UNVERIFIED', async () => {
    await provider.setAccount({ sub: 'carol', email: 'carol@example.org', email_verified: false });
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start')).toBe('/sign-in?error=OAUTH_EMAIL_UNVERIFIED');
    expect(browser.sessionCookie).toBeUndefined();
    expect(await prisma.user.count({ where: { email: 'carol@example.org' } })).toBe(0);
  });

  it('refuses an address with no email_verified claim at all', async () => {
    await provider.setAccount({ sub: 'dave', email: 'dave@example.org' });
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start')).toBe('/sign-in?error=OAUTH_EMAIL_UNVERIFIED');
    expect(await prisma.user.count({ where: { email: 'dave@example.org' } })).toBe(0);
  });

  it('never links silently to an existing account: ACCOUNT_EXISTS_LINK_REQUIRED, no session', async () => {
    await signInAs(testApp, 'erin@example.org');
    await provider.setAccount({ sub: 'erin', email: 'erin@example.org', email_verified: true });
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start')).toBe('/sign-in?error=ACCOUNT_EXISTS_LINK_REQUIRED');
    expect(browser.sessionCookie).toBeUndefined();
    expect(await prisma.authIdentity.count({ where: { providerUserId: `${provider.issuer}|erin` } })).toBe(0);
  });

  it('refuses a state minted for another browser', async () => {
    await provider.setAccount({ sub: 'frank', email: 'frank@example.org', email_verified: true });
    const owner = new TestBrowser(testApp);
    const callback = await owner.navigate('/api/v1/auth/oidc/start', (url) => url.href.startsWith(CALLBACK));
    const other = new TestBrowser(testApp);
    expect(await other.navigate(callback)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
    expect(other.sessionCookie).toBeUndefined();
    expect(await owner.navigate(callback)).toBe('/');
  });

  it('refuses a reused state', async () => {
    await provider.setAccount({ sub: 'grace', email: 'grace@example.org', email_verified: true });
    const browser = new TestBrowser(testApp);
    const callback = await browser.navigate('/api/v1/auth/oidc/start', (url) => url.href.startsWith(CALLBACK));
    expect(await browser.navigate(callback)).toBe('/');
    expect(await browser.navigate(callback)).toBe('/sign-in?error=OAUTH_STATE_INVALID');
  });

  /**
   * The proxy in front of the provider alters the ID token of the token response and re-signs it, so each case has
   * exactly one thing wrong. The audit records openid-client's own error code: the refusal is the library's.
   */
  async function signInWithTampering(tampering: IdTokenTampering, sub: string) {
    await provider.setAccount({ sub, email: `${sub}@example.org`, email_verified: true });
    provider.setTampering(tampering);
    const browser = new TestBrowser(testApp);
    const landing = await browser.navigate('/api/v1/auth/oidc/start');
    expect(provider.tokenResponses.at(-1)!.tampering).toBe(tampering);
    expect(landing).toBe('/sign-in?error=OAUTH_FAILED');
    expect(browser.sessionCookie).toBeUndefined();
    expect(await prisma.user.count({ where: { email: `${sub}@example.org` } })).toBe(0);
    return (await lastFailure())!;
  }

  it('accepts the proxied flow untouched (the tampering cases below differ only in their one change)', async () => {
    await provider.setAccount({ sub: 'henry', email: 'henry@example.org', email_verified: true });
    provider.setTampering('none');
    expect(await new TestBrowser(testApp).navigate('/api/v1/auth/oidc/start')).toBe('/');
  });

  it('refuses an ID token whose nonce is not the one we sent', async () => {
    const failure = await signInWithTampering('wrong-nonce', 'ivan');
    expect(failure).toMatchObject({ method: 'oidc', reason: 'OAUTH_FAILED' });
    expect(failure.detail).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce');
  });

  it('refuses an ID token issued to another audience', async () => {
    const failure = await signInWithTampering('wrong-audience', 'judy');
    expect(failure.detail).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud');
  });

  it('refuses an expired ID token', async () => {
    const failure = await signInWithTampering('expired', 'kate');
    expect(failure.detail).toBe('OAUTH_JWT_TIMESTAMP_CHECK_FAILED:exp');
  });

  it('refuses an ID token signed with a key the provider never published', async () => {
    const failure = await signInWithTampering('wrong-key', 'leo');
    expect(failure.detail).toBe('OAUTH_INVALID_RESPONSE:JWT signature verification failed');
  });

  it('links the provider from the settings page', async () => {
    const signedIn = await signInAs(testApp, 'mallory-settings@example.org');
    const { body } = await signedIn.agent
      .post('/api/v1/account/identities/oidc/link')
      .set(signedIn.writeHeaders)
      .expect(200);
    expect(body.url).toMatch(/^http:\/\/lynx\.test\/api\/v1\/auth\/oidc\/start\?link_token=/);
    await provider.setAccount({ sub: 'mallory', email: 'mallory@corp.example', email_verified: true });
    const browser = new TestBrowser(testApp);
    browser.adoptSession(signedIn);
    expect(await browser.navigate(body.url as string)).toBe('/settings/security?linked=oidc');
    const identity = await prisma.authIdentity.findFirstOrThrow({ where: { userId: signedIn.userId } });
    expect(identity).toMatchObject({ provider: 'oidc', providerUserId: `${provider.issuer}|mallory` });
  });
});

describe('OpenID Connect with a plain-http issuer that is not loopback', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { OIDC_ISSUER_URL: 'http://idp.example', OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET },
    });
  });
  afterAll(() => testApp.close());

  it('refuses to talk to it: insecure requests are allowed for loopback test issuers only', async () => {
    const browser = new TestBrowser(testApp);
    expect(await browser.navigate('/api/v1/auth/oidc/start')).toBe('/sign-in?error=OAUTH_FAILED');
    const prisma = testApp.app.nest.get(PrismaService);
    const failure = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.sign_in_failed' } });
    expect(failure.metadata).toMatchObject({ detail: 'discovery:OAUTH_HTTP_REQUEST_FORBIDDEN' });
  });
});
