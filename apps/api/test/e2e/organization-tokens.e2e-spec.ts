import { Controller, Get, Module, Req } from '@nestjs/common';
import type { Request } from 'express';
import { principalOf } from '../../src/auth/principal';
import { AllowOrganizationTokens, Authenticated } from '../../src/common/security/route-policy';
import { PrismaService } from '../../src/database/prisma.service';
import { addMember, signInTeam } from '../support/organizations';
import { createApiToken, signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** A content-like route that accepts organization tokens, answering who the caller is, as authentication saw it. */
@Controller('api/v1/test-organization-tokens')
class OrganizationTokenProbeController {
  @Get('whoami')
  @Authenticated('blueprints:read')
  @AllowOrganizationTokens()
  whoami(@Req() request: Request) {
    return principalOf(request);
  }
}

@Module({ controllers: [OrganizationTokenProbeController] })
class OrganizationTokenProbeModule {}

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

const tokensOf = (slug: string) => `/api/v1/organizations/${slug}/tokens`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('Organization tokens', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let owner: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let organizationId: string;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule, OrganizationTokenProbeModule] });
    prisma = testApp.app.nest.get(PrismaService);
    ({ organizationId: organizationId, owner, admin, member, viewer } = await signInTeam(testApp, 'acme'));
    outsider = await signInAs(testApp, 'outsider@else.test');
  });
  afterAll(() => testApp.close());

  async function create(who: SignedIn, body: Record<string, unknown> = {}): Promise<CreatedToken> {
    const response = await who.agent
      .post(tokensOf('acme'))
      .set(who.writeHeaders)
      .send({ name: 'CI', scopes: ['blueprints:read'], environment: 'production', ...body })
      .expect(201);
    return response.body as CreatedToken;
  }

  it('lets an Admin create a token, shown once, that authenticates as the organization and no person', async () => {
    const response = await admin.agent
      .post(tokensOf('acme'))
      .set(admin.writeHeaders)
      .send({
        name: 'Deploy bot',
        scopes: ['blueprints:read', 'blueprints:write'],
        environment: 'development',
        expiresInDays: 30,
      })
      .expect(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.body as CreatedToken;
    expect(created).toEqual({
      token: expect.stringMatching(/^lp_[A-Za-z0-9_-]{43}$/),
      id: expect.any(String),
      name: 'Deploy bot',
      prefix: created.token.slice(0, 10),
      scopes: ['blueprints:read', 'blueprints:write'],
      environment: 'development',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    const days = (Date.parse(created.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    // Stored on the organization, made by the admin, belonging to no user; only the hash is kept.
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ organizationId, userId: null, createdById: admin.userId });
    expect(JSON.stringify(row)).not.toContain(created.token);

    const whoami = await testApp.http.get('/api/v1/test-organization-tokens/whoami').set(bearer(created.token));
    expect(whoami.status).toBe(200);
    expect(whoami.body).toEqual({
      kind: 'organization-token',
      organizationId,
      tokenId: created.id,
      scopes: ['blueprints:read', 'blueprints:write'],
      environment: 'development',
    });
  });

  it('is refused with 403 ORGANIZATION_TOKEN_NOT_ALLOWED on routes for people', async () => {
    const { token } = await create(owner, { scopes: ['blueprints:read', 'blueprints:write'] });
    const probes = [
      testApp.http.get('/api/v1/me'),
      testApp.http.get('/api/v1/me/variables'),
      testApp.http.put('/api/v1/me/variables/API_KEY').send({ value: 'x' }),
      testApp.http.patch('/api/v1/account').send({ displayName: 'Bot' }),
      testApp.http.get('/api/v1/account/api-tokens'),
      testApp.http
        .post('/api/v1/account/api-tokens')
        .send({ name: 'x', scopes: ['profile:read'], environment: 'production' }),
      testApp.http.get(tokensOf('acme')),
      testApp.http.get('/api/v1/organizations/acme/audit'),
    ];
    for (const [index, probe] of probes.entries()) {
      const response = await probe.set(bearer(token));
      expect({ index, status: response.status, code: response.body.error?.code }).toEqual({
        index,
        status: 403,
        code: 'ORGANIZATION_TOKEN_NOT_ALLOWED',
      });
    }
  });

  it('lists the organization’s tokens with who made them, and never the token itself', async () => {
    const created = await create(owner, { name: 'Listed', scopes: ['blueprints:write'] });
    const list = await admin.agent.get(tokensOf('acme')).expect(200);
    const entry = (list.body as Array<Record<string, unknown>>).find((token) => token.id === created.id);
    expect(entry).toEqual({
      id: created.id,
      name: 'Listed',
      prefix: created.prefix,
      scopes: ['blueprints:write'],
      environment: 'production',
      createdBy: 'owner',
      expiresAt: null,
      lastUsedAt: null,
      createdAt: created.createdAt,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.token);

    await testApp.http.get('/api/v1/test-organization-tokens/whoami').set(bearer(created.token)).expect(403);
    const afterUse = await owner.agent.get(tokensOf('acme')).expect(200);
    const used = (afterUse.body as Array<Record<string, unknown>>).find((token) => token.id === created.id);
    // The probe route needs blueprints:read, which this token lacks; authentication still saw it being used.
    expect(used?.lastUsedAt).toEqual(expect.any(String));
  });

  it('revokes a token at once: the next request with it is 401', async () => {
    const created = await create(admin);
    await testApp.http.get('/api/v1/test-organization-tokens/whoami').set(bearer(created.token)).expect(200);
    await admin.agent
      .delete(`${tokensOf('acme')}/${created.id}`)
      .set(admin.writeHeaders)
      .expect(204);
    const after = await testApp.http.get('/api/v1/test-organization-tokens/whoami').set(bearer(created.token));
    expect(after.status).toBe(401);
    const list = await admin.agent.get(tokensOf('acme')).expect(200);
    expect((list.body as Array<{ id: string }>).map((token) => token.id)).not.toContain(created.id);
    // Revoking again, or a token that is not this organization's, is 404.
    const again = await admin.agent.delete(`${tokensOf('acme')}/${created.id}`).set(admin.writeHeaders);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('ORGANIZATION_TOKEN_NOT_FOUND');
  });

  it('accepts only blueprints:read and blueprints:write (422 ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED otherwise)', async () => {
    for (const scopes of [['profile:read'], ['blueprints:read', 'variables:read'], ['admin:everything']]) {
      const response = await admin.agent
        .post(tokensOf('acme'))
        .set(admin.writeHeaders)
        .send({ name: 'Too much', scopes, environment: 'production' });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED');
    }
    const empty = await admin.agent
      .post(tokensOf('acme'))
      .set(admin.writeHeaders)
      .send({ name: 'None', scopes: [], environment: 'production' });
    expect(empty.status).toBe(400);
    const badEnvironment = await admin.agent
      .post(tokensOf('acme'))
      .set(admin.writeHeaders)
      .send({ name: 'Env', scopes: ['blueprints:read'], environment: 'staging' });
    expect(badEnvironment.status).toBe(400);
    expect(await prisma.apiToken.count({ where: { organizationId, name: { in: ['Too much', 'None', 'Env'] } } })).toBe(
      0,
    );
  });

  it('is managed by Owners and Admins only: Members and Viewers get 403, outsiders 404', async () => {
    const { id } = await create(owner, { name: 'Guarded' });
    for (const who of [member, viewer]) {
      const list = await who.agent.get(tokensOf('acme'));
      expect(list.status).toBe(403);
      expect(list.body.error.code).toBe('ORGANIZATION_ROLE_REQUIRED');
      const post = await who.agent
        .post(tokensOf('acme'))
        .set(who.writeHeaders)
        .send({ name: 'Mine', scopes: ['blueprints:read'], environment: 'production' });
      expect(post.status).toBe(403);
      const revoke = await who.agent.delete(`${tokensOf('acme')}/${id}`).set(who.writeHeaders);
      expect(revoke.status).toBe(403);
    }
    for (const path of [tokensOf('acme'), tokensOf('no-such-org')]) {
      const list = await outsider.agent.get(path);
      expect(list.status).toBe(404);
      expect(list.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    }
    const revoke = await outsider.agent.delete(`${tokensOf('acme')}/${id}`).set(outsider.writeHeaders);
    expect(revoke.status).toBe(404);
    const anonymous = await testApp.http.get(tokensOf('acme'));
    expect(anonymous.status).toBe(401);
    // A personal token of an Owner cannot manage organization tokens either: that needs a browser session.
    const personal = await createApiToken(owner, ['blueprints:read', 'blueprints:write']);
    const viaToken = await testApp.http.get(tokensOf('acme')).set(bearer(personal));
    expect(viaToken.status).toBe(403);
    expect(viaToken.body.error.code).toBe('SESSION_REQUIRED');
    expect(await prisma.apiToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: null });
  });

  it('keeps personal token listing and revocation away from organization tokens', async () => {
    const organizationToken = await create(admin, { name: 'Org only' });
    const personal = await admin.agent.get('/api/v1/account/api-tokens').expect(200);
    expect((personal.body as Array<{ id: string }>).map((token) => token.id)).not.toContain(organizationToken.id);
    const revoke = await admin.agent
      .delete(`/api/v1/account/api-tokens/${organizationToken.id}`)
      .set(admin.writeHeaders);
    expect(revoke.status).toBe(404);
    await testApp.http.get('/api/v1/test-organization-tokens/whoami').set(bearer(organizationToken.token)).expect(200);
  });

  it('records every creation and revocation in the organization’s audit log', async () => {
    const created = await create(admin, { name: 'Audited', scopes: ['blueprints:write'], environment: 'development' });
    await admin.agent
      .delete(`${tokensOf('acme')}/${created.id}`)
      .set(admin.writeHeaders)
      .expect(204);
    const events = await prisma.auditEvent.findMany({
      where: { organizationId, targetId: created.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((event) => [event.action, event.actorId, event.targetType])).toEqual([
      ['organization_token.created', admin.userId, 'api_token'],
      ['organization_token.revoked', admin.userId, 'api_token'],
    ]);
    expect(events[0]?.metadata).toEqual({
      name: 'Audited',
      prefix: created.prefix,
      scopes: ['blueprints:write'],
      environment: 'development',
      expiresAt: null,
    });
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('needs a recent second factor to create a token when the Admin has two-step on', async () => {
    const stale = await signInAs(testApp, 'stale-admin@acme.test');
    await addMember(testApp, organizationId, stale.userId, 'admin');
    // Two-step turned on after this session began: the session has never proven a second factor.
    await prisma.totpFactor.create({
      data: { userId: stale.userId, secretEncrypted: 'v1.test', enabledAt: new Date() },
    });
    const response = await stale.agent
      .post(tokensOf('acme'))
      .set(stale.writeHeaders)
      .send({ name: 'Stale', scopes: ['blueprints:read'], environment: 'production' });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'REAUTHENTICATION_REQUIRED',
      details: { requires: 'recent_second_factor' },
    });
    expect(await prisma.apiToken.count({ where: { organizationId, createdById: stale.userId } })).toBe(0);
  });
});
