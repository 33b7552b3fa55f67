import { createHash } from 'node:crypto';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { generateSync } from 'otplib';
import { Authenticated } from '../../src/common/security/route-policy';
import { PrismaService } from '../../src/database/prisma.service';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** A write route API tokens may use, to show that bearer writes skip the CSRF check that cookie writes need. */
@Controller('api/v1/test-tokens')
class TokenWriteProbeController {
  @Post('write')
  @Authenticated('profile:read')
  @HttpCode(200)
  write() {
    return { written: true };
  }
}

@Module({ controllers: [TokenWriteProbeController] })
class TokenWriteProbeModule {}

interface CreatedToken {
  token: string;
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  environment: string;
  expiresAt: string | null;
  createdAt: string;
}

const TOKENS = '/api/v1/account/api-tokens';

describe('API tokens', () => {
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule, TokenWriteProbeModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(() => testApp.close());

  async function createToken(signedIn: SignedIn, body: Record<string, unknown> = {}): Promise<CreatedToken> {
    const response = await signedIn.agent
      .post(TOKENS)
      .set(signedIn.writeHeaders)
      .send({ name: 'CLI', scopes: ['profile:read'], environment: 'production', ...body })
      .expect(201);
    return response.body as CreatedToken;
  }

  it('creates a token, shown once, that authenticates GET /api/v1/me as its owner', async () => {
    const owner = await signInAs(testApp, 'maker@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'Laptop CLI', scopes: ['profile:read', 'blueprints:read'], environment: 'production' })
      .expect(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.body as CreatedToken;
    expect(created).toEqual({
      token: expect.stringMatching(/^lp_[A-Za-z0-9_-]{43}$/),
      id: expect.any(String),
      name: 'Laptop CLI',
      prefix: created.token.slice(0, 10),
      scopes: ['profile:read', 'blueprints:read'],
      environment: 'production',
      expiresAt: null,
      createdAt: expect.any(String),
    });

    const me = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(200);
    expect(me.body).toEqual({
      id: owner.userId,
      email: 'maker@example.org',
      handle: 'maker',
      displayName: 'maker',
      avatarUrl: null,
      bio: '',
      role: expect.any(String),
      tokenEnvironment: 'production',
    });
  });

  it('answers GET /api/v1/me to a session too, without a token environment', async () => {
    const signedIn = await signInAs(testApp, 'session-me@example.org');
    const me = await signedIn.agent.get('/api/v1/me').expect(200);
    expect(me.body).toMatchObject({ id: signedIn.userId, email: 'session-me@example.org', handle: 'session-me' });
    expect(me.body).not.toHaveProperty('tokenEnvironment');
  });

  it('tells a development token its environment', async () => {
    const owner = await signInAs(testApp, 'dev-env@example.org');
    const { token } = await createToken(owner, { environment: 'development' });
    const me = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.tokenEnvironment).toBe('development');
  });

  it('refuses GET /api/v1/me anonymously', async () => {
    const response = await testApp.http.get('/api/v1/me').expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('sets the expiry from expiresInDays', async () => {
    const owner = await signInAs(testApp, 'expiring@example.org');
    const before = Date.now();
    const created = await createToken(owner, { expiresInDays: 30 });
    const expiresAt = new Date(created.expiresAt!).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
  });

  it('stores only the SHA-256 of the token and never lists it', async () => {
    const owner = await signInAs(testApp, 'hashed@example.org');
    const created = await createToken(owner, { name: 'Hashed' });
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.prefix).toBe(created.prefix);

    const listed = await owner.agent.get(TOKENS).expect(200);
    expect(listed.text).not.toContain(created.token);
    expect(listed.text).not.toContain(row.tokenHash);
    expect(listed.body).toEqual([
      {
        id: created.id,
        name: 'Hashed',
        prefix: created.prefix,
        scopes: ['profile:read'],
        environment: 'production',
        expiresAt: null,
        lastUsedAt: null,
        lastUsedIp: null,
        createdAt: created.createdAt,
      },
    ]);
  });

  it('records when and from which network a token was last used, and lists the network truncated', async () => {
    const owner = await signInAs(testApp, 'last-used@example.org');
    const created = await createToken(owner);
    await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(200);
    const [listed] = (await owner.agent.get(TOKENS).expect(200)).body as Array<Record<string, string | null>>;
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(new Date(listed!.lastUsedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(listed!.lastUsedIp).toBe('127.0.0.0/24');
  });

  it('answers 403 with the missing scopes when a token lacks the route scope', async () => {
    const owner = await signInAs(testApp, 'narrow@example.org');
    const { token } = await createToken(owner, { scopes: ['blueprints:read'] });
    const response = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(403);
    expect(response.body.error).toMatchObject({ code: 'FORBIDDEN', details: { missingScopes: ['profile:read'] } });
  });

  it('stops a revoked token at once, drops it from the list and records both events', async () => {
    const owner = await signInAs(testApp, 'revoker@example.org');
    const created = await createToken(owner);
    await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(200);
    await owner.agent.delete(`${TOKENS}/${created.id}`).set(owner.writeHeaders).expect(204);

    const refused = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    expect((await owner.agent.get(TOKENS).expect(200)).body).toEqual([]);
    const events = (await owner.agent.get('/api/v1/account/security-events').expect(200)).body as Array<{
      action: string;
    }>;
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['api_token.created', 'api_token.revoked']),
    );
  });

  it("answers 404 API_TOKEN_NOT_FOUND for someone else's token, which keeps working", async () => {
    const owner = await signInAs(testApp, 'victim@example.org');
    const other = await signInAs(testApp, 'intruder@example.org');
    const created = await createToken(owner);
    const response = await other.agent.delete(`${TOKENS}/${created.id}`).set(other.writeHeaders).expect(404);
    expect(response.body.error.code).toBe('API_TOKEN_NOT_FOUND');
    await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(200);
  });

  it('answers 404 API_TOKEN_NOT_FOUND for an id that is not a token id', async () => {
    const owner = await signInAs(testApp, 'not-uuid@example.org');
    const response = await owner.agent.delete(`${TOKENS}/not-a-uuid`).set(owner.writeHeaders).expect(404);
    expect(response.body.error.code).toBe('API_TOKEN_NOT_FOUND');
  });

  it('answers 404 API_TOKEN_NOT_FOUND when revoking a token twice', async () => {
    const owner = await signInAs(testApp, 'twice@example.org');
    const created = await createToken(owner);
    await owner.agent.delete(`${TOKENS}/${created.id}`).set(owner.writeHeaders).expect(204);
    const again = await owner.agent.delete(`${TOKENS}/${created.id}`).set(owner.writeHeaders).expect(404);
    expect(again.body.error.code).toBe('API_TOKEN_NOT_FOUND');
  });

  it('refuses an expired token with 401', async () => {
    const owner = await signInAs(testApp, 'expired@example.org');
    const created = await createToken(owner, { expiresInDays: 1 });
    await prisma.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${created.token}`).expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown bearer token with 401 rather than treating the caller as anonymous', async () => {
    const forged = `lp_${'A'.repeat(43)}`;
    const response = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed bearer token with 401', async () => {
    const response = await testApp.http.get('/api/v1/me').set('Authorization', 'Bearer not-a-token').expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps tokens out of session-only routes whatever their scopes', async () => {
    const owner = await signInAs(testApp, 'session-only@example.org');
    const { token } = await createToken(owner, { scopes: ['profile:read', 'blueprints:read', 'blueprints:write'] });
    const response = await testApp.http
      .get('/api/v1/account/sessions')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(response.body.error.code).toBe('SESSION_REQUIRED');
  });

  it('does not let a token create tokens', async () => {
    const owner = await signInAs(testApp, 'no-minting@example.org');
    const { token } = await createToken(owner);
    const response = await testApp.http
      .post(TOKENS)
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'escalate', scopes: ['blueprints:write'], environment: 'production' })
      .expect(403);
    expect(response.body.error.code).toBe('SESSION_REQUIRED');
    expect(await prisma.apiToken.count({ where: { userId: owner.userId } })).toBe(1);
  });

  it('does not let a token list tokens', async () => {
    const owner = await signInAs(testApp, 'no-listing@example.org');
    const { token } = await createToken(owner);
    const response = await testApp.http.get(TOKENS).set('Authorization', `Bearer ${token}`).expect(403);
    expect(response.body.error.code).toBe('SESSION_REQUIRED');
  });

  it('does not let a token revoke tokens', async () => {
    const owner = await signInAs(testApp, 'no-revoking@example.org');
    const created = await createToken(owner);
    const response = await testApp.http
      .delete(`${TOKENS}/${created.id}`)
      .set('Authorization', `Bearer ${created.token}`)
      .expect(403);
    expect(response.body.error.code).toBe('SESSION_REQUIRED');
  });

  it('lets a token revoke itself, and only itself (lynxp logout); a session is pointed to sign-out', async () => {
    const owner = await signInAs(testApp, 'self-revoker@example.org');
    const leaving = await createToken(owner);
    const staying = await createToken(owner);
    await testApp.http.delete('/api/v1/me/token').set('Authorization', `Bearer ${leaving.token}`).expect(204);

    const refused = await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${leaving.token}`).expect(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    // Revoking again with it is no longer possible: it authenticates nothing.
    await testApp.http.delete('/api/v1/me/token').set('Authorization', `Bearer ${leaving.token}`).expect(401);
    await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${staying.token}`).expect(200);
    expect(((await owner.agent.get(TOKENS).expect(200)).body as Array<{ id: string }>).map((row) => row.id)).toEqual([
      staying.id,
    ]);
    const events = (await owner.agent.get('/api/v1/account/security-events').expect(200)).body as Array<{
      action: string;
      target?: { id?: string };
    }>;
    expect(events.filter((event) => event.action === 'api_token.revoked')).toHaveLength(1);

    const session = await owner.agent.delete('/api/v1/me/token').set(owner.writeHeaders).expect(400);
    expect(session.body.error.code).toBe('TOKEN_REQUIRED');
    await owner.agent.get(TOKENS).expect(200);
  });

  it('lets a token write without a CSRF header, where a cookie write without one is refused', async () => {
    const owner = await signInAs(testApp, 'no-csrf@example.org');
    const { token } = await createToken(owner);
    const withToken = await testApp.http
      .post('/api/v1/test-tokens/write')
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    expect(withToken.body).toEqual({ written: true });
    const withCookie = await owner.agent.post('/api/v1/test-tokens/write').send({}).expect(403);
    expect(withCookie.body.error.code).toBe('CSRF_FAILED');
  });

  it('refuses an unknown scope with 400 VALIDATION_FAILED naming it', async () => {
    const owner = await signInAs(testApp, 'bad-scope@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read', 'admin:everything'], environment: 'production' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.fields).toEqual([
      { field: 'scopes', messages: [expect.stringContaining('admin:everything')] },
    ]);
  });

  it('refuses an empty scope list', async () => {
    const owner = await signInAs(testApp, 'no-scopes@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: [], environment: 'production' })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['scopes']);
  });

  it('refuses a name longer than 80 characters', async () => {
    const owner = await signInAs(testApp, 'long-name@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'n'.repeat(81), scopes: ['profile:read'], environment: 'production' })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['name']);
  });

  it('refuses a blank name', async () => {
    const owner = await signInAs(testApp, 'blank-name@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: '   ', scopes: ['profile:read'], environment: 'production' })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['name']);
  });

  it('refuses an unknown environment', async () => {
    const owner = await signInAs(testApp, 'bad-env@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'staging' })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['environment']);
  });

  it('refuses an expiry beyond 365 days', async () => {
    const owner = await signInAs(testApp, 'long-expiry@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'production', expiresInDays: 366 })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual([
      'expiresInDays',
    ]);
  });

  it('refuses an expiry of zero days', async () => {
    const owner = await signInAs(testApp, 'zero-expiry@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'production', expiresInDays: 0 })
      .expect(400);
    expect(response.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual([
      'expiresInDays',
    ]);
  });

  it('refuses to create a token anonymously', async () => {
    const response = await testApp.http
      .post(TOKENS)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'production' })
      .expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated create without the CSRF token', async () => {
    const owner = await signInAs(testApp, 'csrf-create@example.org');
    const response = await owner.agent
      .post(TOKENS)
      .set('Origin', owner.writeHeaders.Origin as string)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'production' })
      .expect(403);
    expect(response.body.error.code).toBe('CSRF_FAILED');
  });

  it('with two-step on, refuses to create a token without a fresh second factor', async () => {
    const owner = await signInAs(testApp, 'two-step-stale@example.org');
    // Two-step turned on after this session began: the session has never proven a second factor.
    await prisma.totpFactor.create({
      data: { userId: owner.userId, secretEncrypted: 'v1.test', enabledAt: new Date() },
    });
    const response = await owner.agent
      .post(TOKENS)
      .set(owner.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read'], environment: 'production' })
      .expect(403);
    expect(response.body.error).toMatchObject({
      code: 'REAUTHENTICATION_REQUIRED',
      details: { requires: 'recent_second_factor' },
    });
    expect(await prisma.apiToken.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it('with two-step on, creates a token right after a second factor was proven', async () => {
    const owner = await signInAs(testApp, 'two-step-fresh@example.org');
    const setup = await owner.agent.post('/api/v1/account/two-step/totp/setup').set(owner.writeHeaders).expect(200);
    // Confirming the enrolment proves the second factor and renews the session (and its CSRF token).
    await owner.agent
      .post('/api/v1/account/two-step/totp/confirm')
      .set(owner.writeHeaders)
      .send({ code: generateSync({ secret: setup.body.secret as string }) })
      .expect(200);
    const csrfToken = (await owner.agent.get('/api/v1/auth/session').expect(200)).body.csrfToken as string;
    const created = await owner.agent
      .post(TOKENS)
      .set({ ...owner.writeHeaders, 'X-CSRF-Token': csrfToken })
      .send({ name: 'after 2FA', scopes: ['profile:read'], environment: 'production' })
      .expect(201);
    expect(created.body.token).toMatch(/^lp_/);
  });
});
