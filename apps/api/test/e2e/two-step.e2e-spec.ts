import { generateSync } from 'otplib';
import { DecryptionError, FieldEncryption } from '../../src/common/crypto/field-encryption';
import { PrismaService } from '../../src/database/prisma.service';
import { withClockAdvanced } from '../support/clock';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Enrolled {
  signedIn: SignedIn;
  secret: string;
  recoveryCodes: string[];
}

/**
 * A code for the current time step, or the next one. Tests only ever move forward in steps (0, then +1), so a code
 * is never refused as older than one already used, even when a 30-second boundary passes mid-test.
 */
function totp(secret: string, stepsAhead: 0 | 1 = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** A six-digit code that is valid for none of the steps the server accepts right now. */
function wrongCode(secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set([-60, -30, 0, 30, 60].map((offset) => generateSync({ secret, epoch: now + offset })));
  return ['000000', '111111', '222222'].find((code) => !valid.has(code))!;
}

describe('two-step verification', () => {
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(() => testApp.close());

  /** After the session id changes, the browser reads its new CSRF token from /auth/session. */
  async function refreshed(signedIn: SignedIn): Promise<SignedIn> {
    const session = await signedIn.agent.get('/api/v1/auth/session').expect(200);
    const csrfToken = session.body.csrfToken as string;
    return { ...signedIn, csrfToken, writeHeaders: { ...signedIn.writeHeaders, 'X-CSRF-Token': csrfToken } };
  }

  async function setup(signedIn: SignedIn) {
    const response = await signedIn.agent
      .post('/api/v1/account/two-step/totp/setup')
      .set(signedIn.writeHeaders)
      .expect(200);
    return response.body as { otpauthUri: string; qrCodeDataUrl: string; secret: string };
  }

  async function enrol(email: string): Promise<Enrolled> {
    const signedIn = await signInAs(testApp, email);
    const { secret } = await setup(signedIn);
    const confirmed = await signedIn.agent
      .post('/api/v1/account/two-step/totp/confirm')
      .set(signedIn.writeHeaders)
      .send({ code: totp(secret) })
      .expect(200);
    return { signedIn: await refreshed(signedIn), secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  /** A later sign-in with a first factor only (as a magic link would): a pending session. */
  async function signInPending(email: string): Promise<SignedIn> {
    const pending = await signInAs(testApp, email);
    expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
    return pending;
  }

  function sendTotp(signedIn: SignedIn, code: string) {
    return signedIn.agent.post('/api/v1/auth/second-factor/totp').set(signedIn.writeHeaders).send({ code });
  }

  function sendRecoveryCode(signedIn: SignedIn, code: string) {
    return signedIn.agent.post('/api/v1/auth/second-factor/recovery-code').set(signedIn.writeHeaders).send({ code });
  }

  async function actions(userId: string, action: string) {
    return prisma.auditEvent.findMany({ where: { actorId: userId, action }, orderBy: { occurredAt: 'asc' } });
  }

  describe('enrolment', () => {
    it('starts with a secret for the app, as a URI and a QR code, stored encrypted for this user only', async () => {
      const signedIn = await signInAs(testApp, 'setup@example.org');
      const user = await prisma.user.findUniqueOrThrow({ where: { id: signedIn.userId } });
      const { otpauthUri, qrCodeDataUrl, secret } = await setup(signedIn);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(otpauthUri);
      const issuer = testApp.app.config.instance.name;
      expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
      expect(decodeURIComponent(uri.pathname)).toBe(`/${issuer}:${user.handle}`);
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(uri.searchParams.get('issuer')).toBe(issuer);
      expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(Buffer.from(qrCodeDataUrl.split(',')[1]!, 'base64').subarray(1, 4).toString()).toBe('PNG');
      const factor = await prisma.totpFactor.findUniqueOrThrow({ where: { userId: signedIn.userId } });
      expect(factor.enabledAt).toBeNull();
      expect(factor.secretEncrypted).not.toContain(secret);
      const encryption = testApp.app.nest.get(FieldEncryption);
      expect(encryption.decrypt(factor.secretEncrypted, `totp:${signedIn.userId}`)).toBe(secret);
      expect(() => encryption.decrypt(factor.secretEncrypted, 'totp:someone-else')).toThrow(DecryptionError);
      const status = await signedIn.agent.get('/api/v1/account/two-step').expect(200);
      expect(status.body).toEqual({ totpEnabled: false, recoveryCodesRemaining: 0, passkeys: 0 });
      // Not confirmed yet, so signing in still needs only the first factor.
      expect((await (await signInAs(testApp, 'setup@example.org')).agent.get('/api/v1/auth/session')).body.status).toBe(
        'active',
      );
    });

    it('refuses a wrong confirmation code and stays off', async () => {
      const signedIn = await signInAs(testApp, 'confirm-wrong@example.org');
      const { secret } = await setup(signedIn);
      const response = await signedIn.agent
        .post('/api/v1/account/two-step/totp/confirm')
        .set(signedIn.writeHeaders)
        .send({ code: wrongCode(secret) })
        .expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_CODE_INVALID');
      expect((await prisma.totpFactor.findUniqueOrThrow({ where: { userId: signedIn.userId } })).enabledAt).toBeNull();
    });

    it('refuses to confirm before a setup', async () => {
      const signedIn = await signInAs(testApp, 'confirm-first@example.org');
      const response = await signedIn.agent
        .post('/api/v1/account/two-step/totp/confirm')
        .set(signedIn.writeHeaders)
        .send({ code: '123456' })
        .expect(409);
      expect(response.body.error.code).toBe('TWO_STEP_SETUP_REQUIRED');
    });

    it('turns on with a correct code, returns ten recovery codes once, keeps only their hashes, renews the session', async () => {
      const signedIn = await signInAs(testApp, 'enrol@example.org');
      const { secret } = await setup(signedIn);
      const response = await signedIn.agent
        .post('/api/v1/account/two-step/totp/confirm')
        .set(signedIn.writeHeaders)
        .send({ code: totp(secret) })
        .expect(200);
      const codes = response.body.recoveryCodes as string[];
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      expect(new Set(codes).size).toBe(10);
      const stored = await prisma.recoveryCode.findMany({ where: { userId: signedIn.userId } });
      expect(stored).toHaveLength(10);
      const storedText = JSON.stringify(stored);
      for (const code of codes) {
        expect(storedText).not.toContain(code);
        expect(storedText).not.toContain(code.replace(/-/g, ''));
      }
      // A privilege change: new session id, and the old cookie is dead.
      const fresh = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('lp_session='));
      expect(fresh?.split(';')[0]).not.toBe(signedIn.sessionCookie);
      await testApp.http.get('/api/v1/account/two-step').set('Cookie', signedIn.sessionCookie).expect(401);
      const status = await signedIn.agent.get('/api/v1/account/two-step').expect(200);
      expect(status.body).toEqual({ totpEnabled: true, recoveryCodesRemaining: 10, passkeys: 0 });
      expect(await actions(signedIn.userId, 'two_step.enabled')).toHaveLength(1);
    });

    it('refuses a second setup while two-step is on', async () => {
      const { signedIn } = await enrol('setup-twice@example.org');
      const response = await signedIn.agent
        .post('/api/v1/account/two-step/totp/setup')
        .set(signedIn.writeHeaders)
        .expect(409);
      expect(response.body.error.code).toBe('TWO_STEP_ALREADY_ENABLED');
    });
  });

  describe('the second-factor challenge', () => {
    it('gives a first-factor sign-in only a pending session, which a TOTP code makes active under a new id', async () => {
      const { secret, signedIn } = await enrol('challenge@example.org');
      const pending = await signInPending('challenge@example.org');
      const refused = await pending.agent.get('/api/v1/account/sessions').expect(401);
      expect(refused.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
      const response = await sendTotp(pending, totp(secret, 1)).expect(200);
      expect(response.body).toEqual({ status: 'active' });
      const fresh = ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('lp_session='));
      expect(fresh?.split(';')[0]).not.toBe(pending.sessionCookie);
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('active');
      await pending.agent.get('/api/v1/account/sessions').expect(200);
      // The pending session's cookie is worthless now.
      const old = await testApp.http.get('/api/v1/auth/session').set('Cookie', pending.sessionCookie).expect(200);
      expect(old.body.status).toBe('anonymous');
      const events = await actions(signedIn.userId, 'auth.second_factor');
      expect(events.map((event) => event.metadata)).toEqual([{ method: 'totp' }]);
    });

    it.each([
      ['GET', '/api/v1/account/two-step'],
      ['POST', '/api/v1/account/two-step/totp/setup'],
      ['POST', '/api/v1/account/two-step/totp/confirm'],
      ['DELETE', '/api/v1/account/two-step'],
      ['POST', '/api/v1/account/two-step/recovery-codes'],
    ])('refuses %s %s to a pending session', async (method, path) => {
      const email = `pending-${method.toLowerCase()}-${path.split('/').pop()}@example.org`;
      await enrol(email);
      const pending = await signInPending(email);
      const request =
        method === 'GET'
          ? pending.agent.get(path)
          : method === 'DELETE'
            ? pending.agent.delete(path).set(pending.writeHeaders)
            : pending.agent.post(path).set(pending.writeHeaders).send({ code: '123456' });
      const response = await request.expect(401);
      expect(response.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    });

    it('refuses a replayed TOTP code', async () => {
      const { secret } = await enrol('replay@example.org');
      const code = totp(secret, 1);
      await sendTotp(await signInPending('replay@example.org'), code).expect(200);
      const again = await signInPending('replay@example.org');
      const response = await sendTotp(again, code).expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_CODE_REUSED');
      expect((await again.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
    });

    it('refuses the code that confirmed the enrolment', async () => {
      const signedIn = await signInAs(testApp, 'confirm-replay@example.org');
      const { secret } = await setup(signedIn);
      const code = totp(secret);
      await signedIn.agent
        .post('/api/v1/account/two-step/totp/confirm')
        .set(signedIn.writeHeaders)
        .send({ code })
        .expect(200);
      const response = await sendTotp(await signInPending('confirm-replay@example.org'), code).expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_CODE_REUSED');
    });

    it('refuses a wrong TOTP code and records it', async () => {
      const { secret, signedIn } = await enrol('wrong-code@example.org');
      const pending = await signInPending('wrong-code@example.org');
      const response = await sendTotp(pending, wrongCode(secret)).expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_CODE_INVALID');
      const failures = await actions(signedIn.userId, 'auth.second_factor_failed');
      expect(failures.map((event) => event.metadata)).toEqual([{ method: 'totp', reason: 'invalid_code', attempt: 1 }]);
    });

    it('accepts a recovery code, as typed by a person, once only', async () => {
      const { recoveryCodes, signedIn } = await enrol('recovery@example.org');
      const code = recoveryCodes[3]!;
      const pending = await signInPending('recovery@example.org');
      await sendRecoveryCode(pending, ` ${code.toUpperCase()} `).expect(200, { status: 'active' });
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('active');
      const status = await pending.agent.get('/api/v1/account/two-step').expect(200);
      expect(status.body.recoveryCodesRemaining).toBe(9);
      expect(await actions(signedIn.userId, 'two_step.recovery_code_used')).toHaveLength(1);
      const again = await signInPending('recovery@example.org');
      const response = await sendRecoveryCode(again, code).expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_RECOVERY_CODE_INVALID');
    });

    it("refuses another account's recovery code", async () => {
      const other = await enrol('recovery-other@example.org');
      await enrol('recovery-mine@example.org');
      const pending = await signInPending('recovery-mine@example.org');
      const response = await sendRecoveryCode(pending, other.recoveryCodes[0]!).expect(400);
      expect(response.body.error.code).toBe('TWO_STEP_RECOVERY_CODE_INVALID');
    });

    it('locks after five wrong codes in a row: even the right code is refused, and the lockout is recorded', async () => {
      const { secret, recoveryCodes, signedIn } = await enrol('brute@example.org');
      const pending = await signInPending('brute@example.org');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const response = await sendTotp(pending, wrongCode(secret)).expect(400);
        expect(response.body.error.code).toBe('TWO_STEP_CODE_INVALID');
      }
      const fifth = await sendTotp(pending, wrongCode(secret)).expect(429);
      expect(fifth.body.error).toMatchObject({ code: 'TWO_STEP_LOCKED', details: { retryAfterSeconds: 900 } });
      const right = await sendTotp(pending, totp(secret, 1)).expect(429);
      expect(right.body.error.code).toBe('TWO_STEP_LOCKED');
      expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(right.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(900);
      const recovery = await sendRecoveryCode(pending, recoveryCodes[0]!).expect(429);
      expect(recovery.body.error.code).toBe('TWO_STEP_LOCKED');
      expect((await pending.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
      // The lock is per account, not per session: a fresh sign-in is locked out too.
      await sendTotp(await signInPending('brute@example.org'), totp(secret, 1)).expect(429);
      expect(await actions(signedIn.userId, 'auth.second_factor_failed')).toHaveLength(5);
      const lockouts = await actions(signedIn.userId, 'two_step.locked');
      expect(lockouts.map((event) => event.metadata)).toEqual([{ failures: 5, lockedForSeconds: 900 }]);
      // Nothing was checked while locked, so the recovery code is still unspent.
      expect(await prisma.recoveryCode.count({ where: { userId: signedIn.userId, usedAt: null } })).toBe(10);
    });

    it('checks no more than five codes from a burst of parallel guesses', async () => {
      const { secret, signedIn } = await enrol('burst@example.org');
      const pending = await signInPending('burst@example.org');
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => sendTotp(pending, wrongCode(secret)).then((response) => response.status)),
      );
      expect(responses.filter((status) => status === 400).length).toBeLessThanOrEqual(4);
      expect(responses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(8);
      expect((await actions(signedIn.userId, 'auth.second_factor_failed')).length).toBeLessThanOrEqual(5);
    });

    it('says two-step is off when an account without it sends a code', async () => {
      const signedIn = await signInAs(testApp, 'no-two-step@example.org');
      const response = await sendTotp(signedIn, '123456').expect(409);
      expect(response.body.error.code).toBe('TWO_STEP_NOT_ENABLED');
    });

    it('needs a session for the second-factor routes', async () => {
      const response = await testApp.http.post('/api/v1/auth/second-factor/totp').send({ code: '123456' }).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a malformed TOTP code without counting it', async () => {
      await enrol('malformed@example.org');
      const pending = await signInPending('malformed@example.org');
      const response = await sendTotp(pending, '12ab56').expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('turning it off and new recovery codes', () => {
    /** An active session that has not proven the second factor: one that existed before two-step was turned on. */
    async function enrolledWithOlderSession(email: string) {
      const older = await signInAs(testApp, email);
      const enrolled = await enrol(email);
      return { ...enrolled, older };
    }

    it('refuses to turn two-step off without a recent second factor', async () => {
      const { older } = await enrolledWithOlderSession('disable-stale@example.org');
      const response = await older.agent.delete('/api/v1/account/two-step').set(older.writeHeaders).expect(403);
      expect(response.body.error).toMatchObject({
        code: 'REAUTHENTICATION_REQUIRED',
        details: { requires: 'recent_second_factor' },
      });
      expect(await prisma.totpFactor.count({ where: { userId: older.userId } })).toBe(1);
    });

    it('turns two-step off after a fresh second factor, removing the factor and every recovery code', async () => {
      const { older, secret } = await enrolledWithOlderSession('disable-fresh@example.org');
      await sendTotp(older, totp(secret, 1)).expect(200);
      const proven = await refreshed(older);
      await proven.agent.delete('/api/v1/account/two-step').set(proven.writeHeaders).expect(204);
      expect(await prisma.totpFactor.count({ where: { userId: older.userId } })).toBe(0);
      expect(await prisma.recoveryCode.count({ where: { userId: older.userId } })).toBe(0);
      expect(await actions(older.userId, 'two_step.disabled')).toHaveLength(1);
      const status = await proven.agent.get('/api/v1/account/two-step').expect(200);
      expect(status.body).toEqual({ totpEnabled: false, recoveryCodesRemaining: 0, passkeys: 0 });
      const next = await signInAs(testApp, 'disable-fresh@example.org');
      expect((await next.agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('active');
    });

    it('refuses to turn two-step off once the second factor is more than ten minutes old', async () => {
      const { signedIn } = await enrol('disable-old@example.org');
      await withClockAdvanced(11 * 60_000, async () => {
        const response = await signedIn.agent.delete('/api/v1/account/two-step').set(signedIn.writeHeaders).expect(403);
        expect(response.body.error.code).toBe('REAUTHENTICATION_REQUIRED');
      });
    });

    it('issues a new set of recovery codes after a fresh second factor; the old ones stop working', async () => {
      const { signedIn, recoveryCodes } = await enrol('regenerate@example.org');
      const response = await signedIn.agent
        .post('/api/v1/account/two-step/recovery-codes')
        .set(signedIn.writeHeaders)
        .expect(200);
      const fresh = response.body.recoveryCodes as string[];
      expect(fresh).toHaveLength(10);
      expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
      expect(await actions(signedIn.userId, 'two_step.recovery_codes_regenerated')).toHaveLength(1);
      const refused = await sendRecoveryCode(await signInPending('regenerate@example.org'), recoveryCodes[0]!).expect(
        400,
      );
      expect(refused.body.error.code).toBe('TWO_STEP_RECOVERY_CODE_INVALID');
      await sendRecoveryCode(await signInPending('regenerate@example.org'), fresh[0]!).expect(200);
    });

    it('refuses new recovery codes without a recent second factor', async () => {
      const { older, recoveryCodes } = await enrolledWithOlderSession('regenerate-stale@example.org');
      const response = await older.agent
        .post('/api/v1/account/two-step/recovery-codes')
        .set(older.writeHeaders)
        .expect(403);
      expect(response.body.error.code).toBe('REAUTHENTICATION_REQUIRED');
      const stored = await prisma.recoveryCode.count({ where: { userId: older.userId, usedAt: null } });
      expect(stored).toBe(recoveryCodes.length);
    });

    it('refuses to turn off what is not on', async () => {
      const signedIn = await signInAs(testApp, 'never-on@example.org');
      const response = await signedIn.agent.delete('/api/v1/account/two-step').set(signedIn.writeHeaders).expect(409);
      expect(response.body.error.code).toBe('TWO_STEP_NOT_ENABLED');
    });
  });
});
