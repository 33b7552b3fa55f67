import { createHash } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { generateSync } from 'otplib';
import { Authenticated } from '../../src/common/security/route-policy';
import { PURGE_EXPIRED_DEVICE_AUTHORIZATIONS } from '../../src/auth/device/device-maintenance';
import { PrismaService } from '../../src/database/prisma.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { ProbeModule } from '../support/probe.module';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

/** A route needing a scope the device tokens below are not granted. */
@Controller('api/v1/test-device')
class BlueprintsProbeController {
  @Get('blueprints')
  @Authenticated('blueprints:read')
  blueprints() {
    return { blueprints: [] };
  }
}

@Module({ controllers: [BlueprintsProbeController] })
class BlueprintsProbeModule {}

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
const CLIENT = 'lynxprompt-cli';
const CODE = '/api/v1/auth/device/code';
const TOKEN = '/api/v1/auth/device/token';
const REQUESTS = '/api/v1/auth/device/requests';

interface DeviceCodeGrant {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

function hashOf(deviceCode: string): string {
  return createHash('sha256').update(deviceCode).digest('hex');
}

describe('device authorization grant (RFC 8628)', () => {
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule, ProbeModule, BlueprintsProbeModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(() => testApp.close());

  /** Asks for a code pair the way CLI clients do: a form-encoded body. */
  async function requestCode(fields: Record<string, string> = {}): Promise<DeviceCodeGrant> {
    const response = await testApp.http
      .post(CODE)
      .type('form')
      .send({ client_id: CLIENT, scope: 'profile:read', ...fields })
      .expect(200);
    return response.body as DeviceCodeGrant;
  }

  function poll(deviceCode: string, fields: Record<string, string> = {}) {
    return testApp.http
      .post(TOKEN)
      .type('form')
      .send({ grant_type: GRANT_TYPE, device_code: deviceCode, client_id: CLIENT, ...fields });
  }

  async function approve(signedIn: SignedIn, userCode: string) {
    return signedIn.agent.post(`${REQUESTS}/${userCode}/approve`).set(signedIn.writeHeaders).send();
  }

  async function expire(deviceCode: string): Promise<void> {
    await prisma.deviceAuthorization.update({
      where: { deviceCodeHash: hashOf(deviceCode) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
  }

  it('signs a device in end to end with form bodies, granting only the requested scopes', async () => {
    const response = await testApp.http
      .post(CODE)
      .type('form')
      .send({ client_id: CLIENT, scope: 'profile:read' })
      .expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const grant = response.body as DeviceCodeGrant;
    expect(grant).toEqual({
      device_code: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user_code: expect.stringMatching(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/),
      verification_uri: `${TEST_APP_URL}/device`,
      verification_uri_complete: `${TEST_APP_URL}/device?code=${grant.user_code}`,
      expires_in: 600,
      interval: 5,
    });

    const pending = await poll(grant.device_code).expect(400);
    expect(pending.body).toEqual({
      error: 'authorization_pending',
      error_description: expect.any(String),
      requestId: expect.any(String),
    });

    const approver = await signInAs(testApp, 'device-owner@example.org');
    // People type codes loosely: lower case, no hyphen.
    const typed = grant.user_code.replace('-', '').toLowerCase();
    const described = await approver.agent.get(`${REQUESTS}/${typed}`).expect(200);
    expect(described.body).toEqual({
      userCode: grant.user_code,
      clientName: CLIENT,
      scopes: ['profile:read'],
      expiresAt: expect.any(String),
      status: 'pending',
    });
    const approved = await approve(approver, grant.user_code);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    const issued = await poll(grant.device_code).expect(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    expect(issued.body).toEqual({
      access_token: expect.stringMatching(/^lp_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 90 * 24 * 60 * 60,
      scope: 'profile:read',
    });
    const bearer = `Bearer ${issued.body.access_token as string}`;
    const me = await testApp.http.get('/api/v1/me').set('Authorization', bearer).expect(200);
    expect(me.body).toMatchObject({
      id: approver.userId,
      email: 'device-owner@example.org',
      tokenEnvironment: 'production',
    });
    const outside = await testApp.http.get('/api/v1/test-device/blueprints').set('Authorization', bearer).expect(403);
    expect(outside.body.error.details).toEqual({ missingScopes: ['blueprints:read'] });

    const tokens = (await approver.agent.get('/api/v1/account/api-tokens').expect(200)).body as Array<{
      name: string;
      environment: string;
      expiresAt: string;
    }>;
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: `${CLIENT} (device sign-in)`, environment: 'production' });
    expect(new Date(tokens[0]!.expiresAt).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    const events = (await approver.agent.get('/api/v1/account/security-events').expect(200)).body as Array<{
      action: string;
      metadata: Record<string, unknown>;
    }>;
    expect(events.find((event) => event.action === 'auth.device_approved')).toBeDefined();
    expect(events.find((event) => event.action === 'api_token.created')?.metadata).toMatchObject({
      via: 'device_grant',
    });
  });

  it('accepts JSON bodies too, and defaults the scope to profile:read blueprints:read', async () => {
    const grant = (await testApp.http.post(CODE).send({ client_id: CLIENT }).expect(200)).body as DeviceCodeGrant;
    const approver = await signInAs(testApp, 'json-device@example.org');
    const described = await approver.agent.get(`${REQUESTS}/${grant.user_code}`).expect(200);
    expect(described.body.scopes).toEqual(['profile:read', 'blueprints:read']);
    expect((await approve(approver, grant.user_code)).status).toBe(200);
    const issued = await testApp.http
      .post(TOKEN)
      .send({ grant_type: GRANT_TYPE, device_code: grant.device_code, client_id: CLIENT })
      .expect(200);
    expect(issued.body.scope).toBe('profile:read blueprints:read');
  });

  it('stores the device code only as its SHA-256, and the user code not in the clear', async () => {
    const grant = await requestCode();
    const row = await prisma.deviceAuthorization.findUniqueOrThrow({
      where: { deviceCodeHash: hashOf(grant.device_code) },
    });
    expect(JSON.stringify(row)).not.toContain(grant.device_code);
    expect(JSON.stringify(row)).not.toContain(grant.user_code.replace('-', ''));
  });

  it('writes neither code nor the issued token to the logs', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'quiet-logs@example.org');
    await person.agent.get(`${REQUESTS}/${grant.user_code}`).expect(200);
    expect((await approve(person, grant.user_code)).status).toBe(200);
    const issued = await poll(grant.device_code).expect(200);
    const logs = testApp.rawLogs();
    expect(logs).toContain('/api/v1/auth/device/requests/');
    for (const secret of [
      grant.device_code,
      grant.user_code,
      grant.user_code.replace('-', ''),
      issued.body.access_token,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('refuses a form body on any other route with 415', async () => {
    const response = await testApp.http
      .post('/api/v1/test-probe/echo')
      .type('form')
      .send({ name: 'x', count: '1' })
      .expect(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body that is neither JSON nor a form on the device endpoints with 415', async () => {
    const response = await testApp.http
      .post(CODE)
      .set('Content-Type', 'text/plain')
      .send('client_id=lynxprompt-cli')
      .expect(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an unknown scope with 400 VALIDATION_FAILED naming it', async () => {
    const response = await testApp.http
      .post(CODE)
      .type('form')
      .send({ client_id: CLIENT, scope: 'profile:read admin:all' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.error.details)).toContain('admin:all');
  });

  it('refuses a code request without client_id', async () => {
    const response = await testApp.http.post(CODE).type('form').send({ scope: 'profile:read' }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a client_id longer than 80 characters', async () => {
    const response = await testApp.http
      .post(CODE)
      .type('form')
      .send({ client_id: 'c'.repeat(81) })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers slow_down to a device polling faster than the interval, and adds 5 seconds to it each time', async () => {
    const grant = await requestCode();
    expect((await poll(grant.device_code).expect(400)).body.error).toBe('authorization_pending');
    const tooFast = await poll(grant.device_code).expect(400);
    expect(tooFast.body.error).toBe('slow_down');
    const where = { deviceCodeHash: hashOf(grant.device_code) };
    expect((await prisma.deviceAuthorization.findUniqueOrThrow({ where })).intervalSeconds).toBe(10);
    expect((await poll(grant.device_code).expect(400)).body.error).toBe('slow_down');
    expect((await prisma.deviceAuthorization.findUniqueOrThrow({ where })).intervalSeconds).toBe(15);
  });

  it('answers access_denied once the person denies the request', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'denier@example.org');
    const denied = await person.agent.post(`${REQUESTS}/${grant.user_code}/deny`).set(person.writeHeaders).send();
    expect(denied.status).toBe(200);
    expect(denied.body.status).toBe('denied');
    const response = await poll(grant.device_code).expect(400);
    expect(response.body.error).toBe('access_denied');
  });

  it('answers invalid_grant to a device code used a second time', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'reuse@example.org');
    expect((await approve(person, grant.user_code)).status).toBe(200);
    await poll(grant.device_code).expect(200);
    const again = await poll(grant.device_code).expect(400);
    expect(again.body.error).toBe('invalid_grant');
    expect(await prisma.apiToken.count({ where: { userId: person.userId } })).toBe(1);
  });

  it('answers expired_token to an expired device code', async () => {
    const grant = await requestCode();
    await expire(grant.device_code);
    const response = await poll(grant.device_code).expect(400);
    expect(response.body.error).toBe('expired_token');
  });

  it('answers expired_token to an approved code collected after it expired', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'late-collector@example.org');
    expect((await approve(person, grant.user_code)).status).toBe(200);
    await expire(grant.device_code);
    expect((await poll(grant.device_code).expect(400)).body.error).toBe('expired_token');
    expect(await prisma.apiToken.count({ where: { userId: person.userId } })).toBe(0);
  });

  it('answers invalid_grant to an unknown device code', async () => {
    const response = await poll('A'.repeat(43)).expect(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  it('answers invalid_grant to a device code presented by another client', async () => {
    const grant = await requestCode();
    const response = await poll(grant.device_code, { client_id: 'someone-else' }).expect(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  it('answers unsupported_grant_type to another grant type', async () => {
    const grant = await requestCode();
    const response = await poll(grant.device_code, { grant_type: 'authorization_code' }).expect(400);
    expect(response.body.error).toBe('unsupported_grant_type');
  });

  it('answers invalid_request to a poll without a device code', async () => {
    const response = await testApp.http
      .post(TOKEN)
      .type('form')
      .send({ grant_type: GRANT_TYPE, client_id: CLIENT })
      .expect(400);
    expect(response.body).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('device_code'),
      requestId: expect.any(String),
    });
  });

  it('ignores unrecognised token request parameters, as OAuth requires', async () => {
    const grant = await requestCode();
    const response = await poll(grant.device_code, { client_secret: 'unused' }).expect(400);
    expect(response.body.error).toBe('authorization_pending');
  });

  it('answers 410 DEVICE_CODE_EXPIRED when approving an expired user code', async () => {
    const grant = await requestCode();
    await expire(grant.device_code);
    const person = await signInAs(testApp, 'expired-approve@example.org');
    const response = await approve(person, grant.user_code);
    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('DEVICE_CODE_EXPIRED');
  });

  it('answers 410 DEVICE_CODE_EXPIRED when looking up an expired user code', async () => {
    const grant = await requestCode();
    await expire(grant.device_code);
    const person = await signInAs(testApp, 'expired-lookup@example.org');
    const response = await person.agent.get(`${REQUESTS}/${grant.user_code}`).expect(410);
    expect(response.body.error.code).toBe('DEVICE_CODE_EXPIRED');
  });

  it('answers 404 DEVICE_CODE_NOT_FOUND for a code nobody issued', async () => {
    const person = await signInAs(testApp, 'wrong-code@example.org');
    const response = await person.agent.get(`${REQUESTS}/BCDF-GHJK`).expect(404);
    expect(response.body.error.code).toBe('DEVICE_CODE_NOT_FOUND');
  });

  it('answers 409 DEVICE_CODE_ALREADY_DECIDED when approving twice', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'double-approve@example.org');
    expect((await approve(person, grant.user_code)).status).toBe(200);
    const again = await approve(person, grant.user_code);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DEVICE_CODE_ALREADY_DECIDED');
  });

  it('answers 409 DEVICE_CODE_ALREADY_DECIDED when denying an approved request', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'approve-then-deny@example.org');
    expect((await approve(person, grant.user_code)).status).toBe(200);
    const denied = await person.agent.post(`${REQUESTS}/${grant.user_code}/deny`).set(person.writeHeaders).send();
    expect(denied.status).toBe(409);
    expect((await poll(grant.device_code).expect(200)).body.access_token).toBeDefined();
  });

  it('hides a request another account approved', async () => {
    const grant = await requestCode();
    const approver = await signInAs(testApp, 'first-approver@example.org');
    expect((await approve(approver, grant.user_code)).status).toBe(200);
    const other = await signInAs(testApp, 'second-look@example.org');
    const response = await other.agent.get(`${REQUESTS}/${grant.user_code}`).expect(404);
    expect(response.body.error.code).toBe('DEVICE_CODE_NOT_FOUND');
  });

  it('refuses approval by an API token', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'token-approver@example.org');
    const created = await person.agent
      .post('/api/v1/account/api-tokens')
      .set(person.writeHeaders)
      .send({ name: 'x', scopes: ['profile:read', 'blueprints:read', 'blueprints:write'], environment: 'production' })
      .expect(201);
    const response = await testApp.http
      .post(`${REQUESTS}/${grant.user_code}/approve`)
      .set('Authorization', `Bearer ${created.body.token as string}`)
      .expect(403);
    expect(response.body.error.code).toBe('SESSION_REQUIRED');
  });

  it('refuses approval anonymously', async () => {
    const grant = await requestCode();
    const response = await testApp.http.post(`${REQUESTS}/${grant.user_code}/approve`).expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated approval without the CSRF token', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'csrf-approve@example.org');
    const response = await person.agent
      .post(`${REQUESTS}/${grant.user_code}/approve`)
      .set('Origin', person.writeHeaders.Origin as string)
      .expect(403);
    expect(response.body.error.code).toBe('CSRF_FAILED');
    expect((await poll(grant.device_code).expect(400)).body.error).toBe('authorization_pending');
  });

  it('with two-step on, refuses approval without a fresh second factor (approval mints a token)', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'two-step-device@example.org');
    await prisma.totpFactor.create({
      data: { userId: person.userId, secretEncrypted: 'v1.test', enabledAt: new Date() },
    });
    const response = await approve(person, grant.user_code);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('REAUTHENTICATION_REQUIRED');
    expect((await poll(grant.device_code).expect(400)).body.error).toBe('authorization_pending');
  });

  it('with two-step on, approves right after a second factor was proven', async () => {
    const grant = await requestCode();
    const person = await signInAs(testApp, 'two-step-fresh-device@example.org');
    const setup = await person.agent.post('/api/v1/account/two-step/totp/setup').set(person.writeHeaders).expect(200);
    await person.agent
      .post('/api/v1/account/two-step/totp/confirm')
      .set(person.writeHeaders)
      .send({ code: generateSync({ secret: setup.body.secret as string }) })
      .expect(200);
    const csrfToken = (await person.agent.get('/api/v1/auth/session').expect(200)).body.csrfToken as string;
    await person.agent
      .post(`${REQUESTS}/${grant.user_code}/approve`)
      .set({ ...person.writeHeaders, 'X-CSRF-Token': csrfToken })
      .expect(200);
    expect((await poll(grant.device_code).expect(200)).body.scope).toBe('profile:read');
  });
});

describe('device grant rate limits', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
  });
  afterAll(() => testApp.close());

  it('locks user-code lookups after 10 misses, even for a right code', async () => {
    const grant = (await testApp.http.post(CODE).type('form').send({ client_id: CLIENT }).expect(200))
      .body as DeviceCodeGrant;
    const guesser = await signInAs(testApp, 'guesser@example.org');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await guesser.agent.get(`${REQUESTS}/BCDF-GHJK`).expect(404);
    }
    const locked = await guesser.agent.get(`${REQUESTS}/${grant.user_code}`).expect(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('device code issuance limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('allows 30 codes per address in 15 minutes, then answers 429', async () => {
    for (let issued = 0; issued < 30; issued += 1) {
      await testApp.http.post(CODE).type('form').send({ client_id: CLIENT }).expect(200);
    }
    const refused = await testApp.http.post(CODE).type('form').send({ client_id: CLIENT }).expect(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('expired device authorization purge', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { LP_MODE: 'all' } });
  });
  afterAll(() => testApp.close());

  it('is scheduled hourly and removes only requests that expired over a day ago', async () => {
    const queue = testApp.app.nest.get(JobQueue);
    expect(await queue.scheduled()).toEqual(
      expect.arrayContaining([{ name: PURGE_EXPIRED_DEVICE_AUTHORIZATIONS, every: 3_600_000 }]),
    );
    const prisma = testApp.app.nest.get(PrismaService);
    const issue = async () =>
      hashOf((await testApp.http.post(CODE).send({ client_id: CLIENT }).expect(200)).body.device_code as string);
    const [old, recent, live] = [await issue(), await issue(), await issue()];
    await prisma.deviceAuthorization.update({
      where: { deviceCodeHash: old },
      data: { expiresAt: new Date(Date.now() - 25 * 60 * 60_000) },
    });
    await prisma.deviceAuthorization.update({
      where: { deviceCodeHash: recent },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });

    await queue.enqueue(PURGE_EXPIRED_DEVICE_AUTHORIZATIONS, {});
    const remaining = () => prisma.deviceAuthorization.count({ where: { deviceCodeHash: old } });
    const deadline = Date.now() + 10_000;
    while ((await remaining()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await remaining()).toBe(0);
    expect(await prisma.deviceAuthorization.count({ where: { deviceCodeHash: { in: [recent, live] } } })).toBe(2);
  });
});
