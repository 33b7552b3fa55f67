import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { Redis } from 'ioredis';
import { generateSync } from 'otplib';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { mintApiToken } from '../../src/auth/api-tokens/api-token.service';
import { PASSKEY_CHALLENGE_TTL_MS } from '../../src/auth/passkeys/passkey-challenges';
import { PrismaService } from '../../src/database/prisma.service';
import { withClockAdvanced } from '../support/clock';
import { testRedisUrl } from '../support/services';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const ORIGIN = new URL(TEST_APP_URL).origin;
const RP_ID = new URL(TEST_APP_URL).hostname;

interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
  deviceType: string;
}

describe('passkeys', () => {
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(() => testApp.close());

  async function registrationOptions(signedIn: SignedIn): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const response = await signedIn.agent
      .post('/api/v1/account/passkeys/registration/options')
      .set(signedIn.writeHeaders)
      .expect(200);
    return response.body as PublicKeyCredentialCreationOptionsJSON;
  }

  async function registerPasskey(
    signedIn: SignedIn,
    authenticator: SoftwareAuthenticator,
    name: string,
  ): Promise<{ passkey: PasskeyView; credentialId: string }> {
    const credential = authenticator.register(await registrationOptions(signedIn));
    const created = await signedIn.agent
      .post('/api/v1/account/passkeys/registration/verify')
      .set(signedIn.writeHeaders)
      .send({ name, response: credential })
      .expect(201);
    return { passkey: created.body as PasskeyView, credentialId: credential.id };
  }

  function anonymous(): TestAgent {
    return supertest.agent(testApp.app.nest.getHttpServer());
  }

  async function signInOptions(
    agent: TestAgent,
    headers: Record<string, string> = { Origin: ORIGIN },
  ): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
    const response = await agent.post('/api/v1/auth/passkey/options').set(headers).expect(200);
    return response.body as { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON };
  }

  function verifySignIn(agent: TestAgent, challengeId: string, response: unknown) {
    return agent.post('/api/v1/auth/passkey/verify').set('Origin', ORIGIN).send({ challengeId, response });
  }

  /** A user with one passkey, ready to sign in with it. */
  async function userWithPasskey(email: string) {
    const signedIn = await signInAs(testApp, email);
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const { passkey, credentialId } = await registerPasskey(signedIn, authenticator, 'Laptop');
    return { signedIn, authenticator, passkey, credentialId };
  }

  async function auditActions(userId: string): Promise<string[]> {
    const rows = await prisma.auditEvent.findMany({ where: { actorId: userId }, orderBy: { occurredAt: 'asc' } });
    return rows.map((row) => row.action);
  }

  describe('registration and management', () => {
    it('asks for a discoverable, user-verified credential with no attestation', async () => {
      const signedIn = await signInAs(testApp, 'options@example.org');
      const options = await registrationOptions(signedIn);
      expect(options.rp).toEqual({ id: RP_ID, name: testApp.app.config.instance.name });
      expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
      expect(options.attestation).toBe('none');
      expect(options.user.name).toBe('options@example.org');
      // The user handle is the opaque account id, not the address.
      expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).toBe(signedIn.userId);
      expect(options.excludeCredentials).toEqual([]);
    });

    it('registers two named passkeys, excluding the first when registering the second, and lists them', async () => {
      const signedIn = await signInAs(testApp, 'two-keys@example.org');
      const laptop = new SoftwareAuthenticator(ORIGIN, { backupEligible: true, backedUp: true });
      const phone = new SoftwareAuthenticator(ORIGIN);
      const first = await registerPasskey(signedIn, laptop, '  Laptop  ');
      expect(first.passkey).toEqual({
        id: expect.any(String),
        name: 'Laptop',
        createdAt: expect.any(String),
        lastUsedAt: null,
        backedUp: true,
        deviceType: 'multiDevice',
      });
      const secondOptions = await registrationOptions(signedIn);
      expect(secondOptions.excludeCredentials).toEqual([
        { id: first.credentialId, type: 'public-key', transports: ['internal', 'hybrid'] },
      ]);
      const credential = phone.register(secondOptions);
      await signedIn.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(signedIn.writeHeaders)
        .send({ name: 'Phone', response: credential })
        .expect(201);
      const listed = await signedIn.agent.get('/api/v1/account/passkeys').expect(200);
      expect((listed.body as PasskeyView[]).map((passkey) => [passkey.name, passkey.deviceType])).toEqual([
        ['Laptop', 'multiDevice'],
        ['Phone', 'singleDevice'],
      ]);
      const stored = await prisma.passkey.findMany({ where: { userId: signedIn.userId } });
      expect(stored.map((row) => row.credentialId).sort()).toEqual([first.credentialId, credential.id].sort());
      expect(stored.every((row) => row.counter === 0n && row.publicKey.length > 0)).toBe(true);
      expect(await auditActions(signedIn.userId)).toEqual(
        expect.arrayContaining(['passkey.registered', 'passkey.registered']),
      );
    });

    it('renames a passkey', async () => {
      const { signedIn, passkey } = await userWithPasskey('rename@example.org');
      const renamed = await signedIn.agent
        .patch(`/api/v1/account/passkeys/${passkey.id}`)
        .set(signedIn.writeHeaders)
        .send({ name: 'Work laptop' })
        .expect(200);
      expect(renamed.body).toMatchObject({ id: passkey.id, name: 'Work laptop' });
      const listed = await signedIn.agent.get('/api/v1/account/passkeys').expect(200);
      expect(listed.body[0].name).toBe('Work laptop');
      expect(await auditActions(signedIn.userId)).toContain('passkey.renamed');
    });

    it('refuses an empty name', async () => {
      const { signedIn, passkey } = await userWithPasskey('empty-name@example.org');
      const response = await signedIn.agent
        .patch(`/api/v1/account/passkeys/${passkey.id}`)
        .set(signedIn.writeHeaders)
        .send({ name: '   ' })
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('deletes a passkey, which then no longer signs in', async () => {
      const { signedIn, authenticator, passkey } = await userWithPasskey('delete@example.org');
      await signedIn.agent.delete(`/api/v1/account/passkeys/${passkey.id}`).set(signedIn.writeHeaders).expect(204);
      expect((await signedIn.agent.get('/api/v1/account/passkeys').expect(200)).body).toEqual([]);
      expect(await auditActions(signedIn.userId)).toContain('passkey.deleted');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const refused = await verifySignIn(agent, challengeId, authenticator.authenticate(options)).expect(401);
      expect(refused.body.error.code).toBe('PASSKEY_NOT_RECOGNIZED');
    });

    it("refuses to rename someone else's passkey", async () => {
      const owner = await userWithPasskey('owner-rename@example.org');
      const other = await signInAs(testApp, 'intruder-rename@example.org');
      const response = await other.agent
        .patch(`/api/v1/account/passkeys/${owner.passkey.id}`)
        .set(other.writeHeaders)
        .send({ name: 'Mine now' })
        .expect(404);
      expect(response.body.error.code).toBe('PASSKEY_NOT_FOUND');
      expect((await prisma.passkey.findUniqueOrThrow({ where: { id: owner.passkey.id } })).name).toBe('Laptop');
    });

    it("refuses to delete someone else's passkey", async () => {
      const owner = await userWithPasskey('owner-delete@example.org');
      const other = await signInAs(testApp, 'intruder-delete@example.org');
      const response = await other.agent
        .delete(`/api/v1/account/passkeys/${owner.passkey.id}`)
        .set(other.writeHeaders)
        .expect(404);
      expect(response.body.error.code).toBe('PASSKEY_NOT_FOUND');
      expect(await prisma.passkey.count({ where: { id: owner.passkey.id } })).toBe(1);
    });

    it('refuses a registration answered from another origin', async () => {
      const signedIn = await signInAs(testApp, 'reg-origin@example.org');
      const credential = new SoftwareAuthenticator(ORIGIN).register(await registrationOptions(signedIn), {
        origin: 'https://evil.example',
      });
      const response = await signedIn.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(signedIn.writeHeaders)
        .send({ name: 'Evil', response: credential })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_REGISTRATION_FAILED');
      expect(await prisma.passkey.count({ where: { userId: signedIn.userId } })).toBe(0);
    });

    it('refuses a registration without user verification', async () => {
      const signedIn = await signInAs(testApp, 'reg-uv@example.org');
      const credential = new SoftwareAuthenticator(ORIGIN).register(await registrationOptions(signedIn), {
        userVerified: false,
      });
      const response = await signedIn.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(signedIn.writeHeaders)
        .send({ name: 'No PIN', response: credential })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_REGISTRATION_FAILED');
    });

    it('refuses a registration challenge used twice', async () => {
      const signedIn = await signInAs(testApp, 'reg-reuse@example.org');
      const options = await registrationOptions(signedIn);
      const authenticator = new SoftwareAuthenticator(ORIGIN);
      await signedIn.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(signedIn.writeHeaders)
        .send({ name: 'First', response: authenticator.register(options) })
        .expect(201);
      const again = await signedIn.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(signedIn.writeHeaders)
        .send({ name: 'Second', response: authenticator.register(options) })
        .expect(400);
      expect(again.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
      expect(await prisma.passkey.count({ where: { userId: signedIn.userId } })).toBe(1);
    });

    it('refuses a registration challenge issued to another session', async () => {
      const victim = await signInAs(testApp, 'reg-other@example.org');
      const attacker = await signInAs(testApp, 'reg-attacker@example.org');
      const credential = new SoftwareAuthenticator(ORIGIN).register(await registrationOptions(victim));
      const response = await attacker.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(attacker.writeHeaders)
        .send({ name: 'Stolen', response: credential })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
      expect(await prisma.passkey.count({ where: { userId: attacker.userId } })).toBe(0);
    });

    it('refuses a registration challenge issued to another session of the same user', async () => {
      const first = await signInAs(testApp, 'reg-same-user@example.org');
      const second = await signInAs(testApp, 'reg-same-user@example.org');
      const credential = new SoftwareAuthenticator(ORIGIN).register(await registrationOptions(first));
      const response = await second.agent
        .post('/api/v1/account/passkeys/registration/verify')
        .set(second.writeHeaders)
        .send({ name: 'Other tab', response: credential })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    });

    it('keeps passkey management away from API tokens', async () => {
      const signedIn = await signInAs(testApp, 'token-passkeys@example.org');
      const { token, tokenHash, prefix } = mintApiToken();
      await prisma.apiToken.create({
        data: {
          userId: signedIn.userId,
          name: 'ci',
          prefix,
          tokenHash,
          scopes: ['profile:read', 'blueprints:read', 'blueprints:write'],
          environment: 'development',
        },
      });
      const response = await testApp.http
        .get('/api/v1/account/passkeys')
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      expect(response.body.error.code).toBe('SESSION_REQUIRED');
    });

    it('needs a signed-in session to start a registration', async () => {
      const response = await testApp.http.post('/api/v1/account/passkeys/registration/options').expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('usernameless sign-in', () => {
    it('signs in with a discoverable passkey: no allowCredentials, an active session, the use recorded', async () => {
      const { signedIn, authenticator, passkey } = await userWithPasskey('passkey-sign-in@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      expect(options.allowCredentials).toBeUndefined();
      expect(options.userVerification).toBe('required');
      expect(options.rpId).toBe(RP_ID);
      const response = await verifySignIn(agent, challengeId, authenticator.authenticate(options)).expect(200);
      expect(response.body).toEqual({ status: 'active' });
      expect(String(response.headers['set-cookie'])).toMatch(/lp_session=/);
      const session = await agent.get('/api/v1/auth/session').expect(200);
      expect(session.body).toMatchObject({ status: 'active', user: { id: signedIn.userId } });
      await agent.get('/api/v1/account/passkeys').expect(200);
      const stored = await prisma.passkey.findUniqueOrThrow({ where: { id: passkey.id } });
      expect(stored.counter).toBe(1n);
      expect(stored.lastUsedAt).not.toBeNull();
      const signIn = await prisma.auditEvent.findFirst({
        where: { actorId: signedIn.userId, action: 'auth.sign_in' },
        orderBy: { occurredAt: 'desc' },
      });
      expect(signIn?.metadata).toEqual({ method: 'passkey' });
      const row = await prisma.session.findFirst({ where: { userId: signedIn.userId, authMethod: 'passkey' } });
      expect(row?.secondFactorAt).not.toBeNull();
    });

    it('refuses a signature counter that goes backwards and records a possible clone', async () => {
      const { signedIn, authenticator, credentialId, passkey } = await userWithPasskey('clone@example.org');
      for (let i = 0; i < 2; i += 1) {
        const agent = anonymous();
        const { challengeId, options } = await signInOptions(agent);
        await verifySignIn(agent, challengeId, authenticator.authenticate(options)).expect(200);
      }
      expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(2n);
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const clone = authenticator.authenticate(options, { credentialId, signCount: 2 });
      const response = await verifySignIn(agent, challengeId, clone).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_COUNTER_REGRESSION');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect((await agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('anonymous');
      expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).counter).toBe(2n);
      const alarm = await prisma.auditEvent.findFirst({
        where: { actorId: signedIn.userId, action: 'passkey.counter_regression' },
      });
      expect(alarm?.metadata).toMatchObject({ storedCounter: '2', reportedCounter: '2', possibleClone: true });
    });

    it('refuses a sign-in challenge used twice', async () => {
      const { authenticator } = await userWithPasskey('reuse-sign-in@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      await verifySignIn(agent, challengeId, authenticator.authenticate(options)).expect(200);
      const other = anonymous();
      const replay = await verifySignIn(other, challengeId, authenticator.authenticate(options)).expect(400);
      expect(replay.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    });

    it('refuses a response signed over another challenge than the one issued', async () => {
      const { authenticator } = await userWithPasskey('swap-challenge@example.org');
      const agent = anonymous();
      const first = await signInOptions(agent);
      const second = await signInOptions(agent);
      const response = await verifySignIn(agent, second.challengeId, authenticator.authenticate(first.options)).expect(
        400,
      );
      expect(response.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    });

    it('keeps the challenge for five minutes only', async () => {
      const agent = anonymous();
      const { challengeId } = await signInOptions(agent);
      const redis = new Redis(testRedisUrl());
      try {
        const ttl = await redis.pttl(`${testApp.app.config.redis.prefix}passkey:challenge:sign_in:${challengeId}`);
        expect(PASSKEY_CHALLENGE_TTL_MS).toBe(5 * 60_000);
        expect(ttl).toBeGreaterThan(PASSKEY_CHALLENGE_TTL_MS - 30_000);
        expect(ttl).toBeLessThanOrEqual(PASSKEY_CHALLENGE_TTL_MS);
      } finally {
        redis.disconnect();
      }
    });

    it('refuses an expired challenge', async () => {
      const { authenticator } = await userWithPasskey('expired@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const response = authenticator.authenticate(options);
      // The server now sees the challenge as a minute past its lifetime.
      await withClockAdvanced(PASSKEY_CHALLENGE_TTL_MS + 60_000, async () => {
        const refused = await verifySignIn(agent, challengeId, response).expect(400);
        expect(refused.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
      });
    });

    it('refuses a response made for another origin', async () => {
      const { authenticator } = await userWithPasskey('wrong-origin@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const phished = authenticator.authenticate(options, { origin: 'https://lynx-test.evil.example' });
      const response = await verifySignIn(agent, challengeId, phished).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_VERIFICATION_FAILED');
      expect((await agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('anonymous');
    });

    it('refuses a response made for another relying party id', async () => {
      const { authenticator } = await userWithPasskey('wrong-rpid@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const response = await verifySignIn(
        agent,
        challengeId,
        authenticator.authenticate(options, { rpId: 'evil.example' }),
      ).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_VERIFICATION_FAILED');
    });

    it('refuses an assertion without user verification', async () => {
      const { authenticator } = await userWithPasskey('no-uv@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const response = await verifySignIn(
        agent,
        challengeId,
        authenticator.authenticate(options, { userVerified: false }),
      ).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_VERIFICATION_FAILED');
    });

    it('refuses a signature made by another key', async () => {
      const { authenticator, credentialId } = await userWithPasskey('forged@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const genuine = authenticator.authenticate(options);
      const forger = new SoftwareAuthenticator(ORIGIN);
      forger.register(await registrationOptions(await signInAs(testApp, 'forger@example.org')));
      const forged = forger.authenticate(options);
      const response = await verifySignIn(agent, challengeId, {
        ...forged,
        id: credentialId,
        rawId: credentialId,
        response: { ...forged.response, userHandle: genuine.response.userHandle },
      }).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_VERIFICATION_FAILED');
    });

    it('refuses an unknown credential', async () => {
      const stranger = new SoftwareAuthenticator(ORIGIN);
      stranger.register(await registrationOptions(await signInAs(testApp, 'unregistered@example.org')));
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      const response = await verifySignIn(agent, challengeId, stranger.authenticate(options)).expect(401);
      expect(response.body.error.code).toBe('PASSKEY_NOT_RECOGNIZED');
      const failure = await prisma.auditEvent.findFirst({
        where: { action: 'auth.sign_in_failed', actorType: 'anonymous' },
        orderBy: { occurredAt: 'desc' },
      });
      expect(failure?.metadata).toMatchObject({ method: 'passkey', reason: 'unknown_credential' });
    });
  });

  describe('as the second factor', () => {
    /** Turns on TOTP two-step through the API, then signs in again with a first factor only: a pending session. */
    async function pendingUserWithPasskey(email: string) {
      const user = await userWithPasskey(email);
      const setup = await user.signedIn.agent
        .post('/api/v1/account/two-step/totp/setup')
        .set(user.signedIn.writeHeaders)
        .expect(200);
      await user.signedIn.agent
        .post('/api/v1/account/two-step/totp/confirm')
        .set(user.signedIn.writeHeaders)
        .send({ code: generateSync({ secret: setup.body.secret as string }) })
        .expect(200);
      const pending = await signInAs(testApp, email);
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
      return { ...user, pending };
    }

    async function secondFactorOptions(signedIn: SignedIn) {
      const response = await signedIn.agent
        .post('/api/v1/auth/second-factor/passkey/options')
        .set(signedIn.writeHeaders)
        .expect(200);
      return response.body as { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON };
    }

    it('refuses the passkey routes to a pending session', async () => {
      const { pending } = await pendingUserWithPasskey('pending-routes@example.org');
      for (const request of [
        pending.agent.get('/api/v1/account/passkeys'),
        pending.agent.post('/api/v1/account/passkeys/registration/options').set(pending.writeHeaders),
      ]) {
        const response = await request.expect(401);
        expect(response.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
      }
    });

    it("completes a pending session with one of the user's passkeys, under a new session id", async () => {
      const { pending, authenticator, credentialId, passkey } = await pendingUserWithPasskey('pk-2fa@example.org');
      const { challengeId, options } = await secondFactorOptions(pending);
      expect(options.allowCredentials).toEqual([
        { id: credentialId, type: 'public-key', transports: ['internal', 'hybrid'] },
      ]);
      expect(options.userVerification).toBe('required');
      const response = await pending.agent
        .post('/api/v1/auth/second-factor/passkey/verify')
        .set(pending.writeHeaders)
        .send({ challengeId, response: authenticator.authenticate(options) })
        .expect(200);
      expect(response.body).toEqual({ status: 'active' });
      const fresh = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('lp_session='));
      expect(fresh?.split(';')[0]).not.toBe(pending.sessionCookie);
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('active');
      await pending.agent.get('/api/v1/account/passkeys').expect(200);
      await testApp.http
        .get('/api/v1/auth/session')
        .set('Cookie', pending.sessionCookie)
        .expect(200, {
          status: 'anonymous',
          methods: { email: true, github: false, google: false, sso: null, passkey: true, registration: true },
          features: { billing: false },
        });
      expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkey.id } })).lastUsedAt).not.toBeNull();
      const event = await prisma.auditEvent.findFirst({
        where: { actorId: pending.userId, action: 'auth.second_factor' },
      });
      expect(event?.metadata).toEqual({ method: 'passkey' });
    });

    it('signs a two-step account straight into an active session with a passkey (it proves both factors)', async () => {
      const { authenticator, pending } = await pendingUserWithPasskey('pk-both-factors@example.org');
      const agent = anonymous();
      const { challengeId, options } = await signInOptions(agent);
      await verifySignIn(agent, challengeId, authenticator.authenticate(options)).expect(200, { status: 'active' });
      const session = await agent.get('/api/v1/auth/session').expect(200);
      expect(session.body).toMatchObject({ status: 'active', user: { id: pending.userId } });
    });

    it('refuses a second-factor challenge answered by another pending session', async () => {
      const { pending, authenticator } = await pendingUserWithPasskey('pk-2fa-other@example.org');
      const other = await signInAs(testApp, 'pk-2fa-other@example.org');
      const { challengeId, options } = await secondFactorOptions(pending);
      const response = await other.agent
        .post('/api/v1/auth/second-factor/passkey/verify')
        .set(other.writeHeaders)
        .send({ challengeId, response: authenticator.authenticate(options) })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
      expect((await other.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
    });

    it("refuses another account's passkey as the second factor", async () => {
      const { pending } = await pendingUserWithPasskey('pk-2fa-victim@example.org');
      const attacker = await userWithPasskey('pk-2fa-attacker@example.org');
      const { challengeId, options } = await secondFactorOptions(pending);
      const response = await pending.agent
        .post('/api/v1/auth/second-factor/passkey/verify')
        .set(pending.writeHeaders)
        .send({
          challengeId,
          response: attacker.authenticator.authenticate(options, { credentialId: attacker.credentialId }),
        })
        .expect(401);
      expect(response.body.error.code).toBe('PASSKEY_NOT_RECOGNIZED');
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
    });

    it('refuses a sign-in challenge presented as a second-factor challenge', async () => {
      const { pending, authenticator } = await pendingUserWithPasskey('pk-2fa-purpose@example.org');
      // A signed-in browser writing even to a public route proves it is us (CSRF token and Origin).
      const { challengeId, options } = await signInOptions(pending.agent, pending.writeHeaders);
      const response = await pending.agent
        .post('/api/v1/auth/second-factor/passkey/verify')
        .set(pending.writeHeaders)
        .send({ challengeId, response: authenticator.authenticate(options) })
        .expect(400);
      expect(response.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    });

    it('says so when the account has no passkey', async () => {
      const signedIn = await signInAs(testApp, 'no-passkeys@example.org');
      const response = await signedIn.agent
        .post('/api/v1/auth/second-factor/passkey/options')
        .set(signedIn.writeHeaders)
        .expect(409);
      expect(response.body.error.code).toBe('PASSKEY_NONE_REGISTERED');
    });

    it('needs a session for the second-factor routes', async () => {
      const response = await testApp.http.post('/api/v1/auth/second-factor/passkey/options').expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  });
});
