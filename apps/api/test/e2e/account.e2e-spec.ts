import { createHash } from 'node:crypto';
import { hashSecret } from '../../src/common/crypto/secret-token';
import { PrismaService } from '../../src/database/prisma.service';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../src/kv/key-value-store';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';

const ELEVEN_MINUTES = 11 * 60_000;

describe('account', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({ env: { SMTP_URL: capture.url }, extraImports: [TestSignInModule] });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  /** Test setup: moves a session's sign-in (or second factor) into the past, and drops its cached copy. */
  async function backdate(signedIn: SignedIn, field: 'authenticatedAt' | 'secondFactorAt', ageMs: number) {
    const tokenHash = hashSecret(signedIn.sessionCookie.split('=')[1] as string);
    await prisma.session.update({ where: { tokenHash }, data: { [field]: new Date(Date.now() - ageMs) } });
    await testApp.app.nest.get<KeyValueStore>(KEY_VALUE_STORE).delete(`session:${tokenHash}`);
  }

  const emailChangeToken = (mail: CapturedMail) =>
    new URL(mail.link('/account/email/verify')).searchParams.get('token') as string;

  describe('profile', () => {
    it('updates the display name and handle and answers with the session user', async () => {
      const ada = await signInAs(testApp, 'ada@example.org');
      const response = await ada.agent
        .patch('/api/v1/account')
        .set(ada.writeHeaders)
        .send({ displayName: '  Ada Lovelace ', handle: 'countess' })
        .expect(200);
      expect(response.body).toEqual({
        id: ada.userId,
        email: 'ada@example.org',
        handle: 'countess',
        displayName: 'Ada Lovelace',
        avatarUrl: null,
        bio: '',
        role: expect.stringMatching(/^(user|admin)$/),
      });
      const session = await ada.agent.get('/api/v1/auth/session').expect(200);
      expect(session.body.user).toMatchObject({ handle: 'countess', displayName: 'Ada Lovelace' });
      const audit = await prisma.auditEvent.findFirst({
        where: { actorId: ada.userId, action: 'account.profile_updated' },
      });
      expect(audit?.metadata).toEqual({ fields: ['displayName', 'handle'] });
    });

    it('refuses a handle someone else has with 409 USER_HANDLE_TAKEN', async () => {
      const first = await signInAs(testApp, 'holder@example.org');
      await first.agent.patch('/api/v1/account').set(first.writeHeaders).send({ handle: 'wanted' }).expect(200);
      const second = await signInAs(testApp, 'wanter@example.org');
      const refused = await second.agent
        .patch('/api/v1/account')
        .set(second.writeHeaders)
        .send({ handle: 'wanted' })
        .expect(409);
      expect(refused.body.error).toMatchObject({ code: 'USER_HANDLE_TAKEN', details: { handle: 'wanted' } });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: second.userId } })).handle).not.toBe('wanted');
    });

    it('refuses a malformed handle with 400 USER_HANDLE_INVALID', async () => {
      const user = await signInAs(testApp, 'malformed@example.org');
      const refused = await user.agent
        .patch('/api/v1/account')
        .set(user.writeHeaders)
        .send({ handle: '-Not_OK-' })
        .expect(400);
      expect(refused.body.error.code).toBe('USER_HANDLE_INVALID');
    });

    it('refuses a blank display name with VALIDATION_FAILED', async () => {
      const user = await signInAs(testApp, 'blank@example.org');
      const refused = await user.agent
        .patch('/api/v1/account')
        .set(user.writeHeaders)
        .send({ displayName: '   ' })
        .expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a profile change without the CSRF token', async () => {
      const user = await signInAs(testApp, 'csrf-profile@example.org');
      const refused = await user.agent
        .patch('/api/v1/account')
        .set('Origin', 'http://lynx.test')
        .send({ displayName: 'Mallory' })
        .expect(403);
      expect(refused.body.error.code).toBe('CSRF_FAILED');
    });
  });

  describe('email change', () => {
    it('mails a link to the new address and a notice to the old; confirming switches and ends other sessions', async () => {
      const here = await signInAs(testApp, 'old@example.org');
      const elsewhere = await signInAs(testApp, 'old@example.org');
      const requested = await here.agent
        .post('/api/v1/account/email')
        .set(here.writeHeaders)
        .send({ email: 'New@Example.org' })
        .expect(202);
      expect(requested.body).toEqual({ status: 'sent' });

      const confirmation = await capture.waitForMail('new@example.org');
      expect(confirmation.subject).toBe('Confirm your new email address for LynxPrompt');
      expect(confirmation.link()).toMatch(/^http:\/\/lynx\.test\/account\/email\/verify\?token=[A-Za-z0-9_-]{43}$/);
      expect(confirmation.text).toContain('expires in 15 minutes');
      const notice = await capture.waitForMail('old@example.org');
      expect(notice.subject).toBe('Your LynxPrompt email address is about to change');
      expect(notice.text).toContain('new@example.org');
      expect(notice.text).not.toContain('token=');
      // Nothing changes before the link is used.
      expect((await prisma.user.findUniqueOrThrow({ where: { id: here.userId } })).email).toBe('old@example.org');

      const verified = await here.agent
        .post('/api/v1/account/email/verify')
        .set(here.writeHeaders)
        .send({ token: emailChangeToken(confirmation) })
        .expect(200);
      expect(verified.body).toMatchObject({ id: here.userId, email: 'new@example.org' });
      expect((await here.agent.get('/api/v1/auth/session').expect(200)).body.user.email).toBe('new@example.org');
      await elsewhere.agent.get('/api/v1/account/sessions').expect(401);
      const actions = (await prisma.auditEvent.findMany({ where: { actorId: here.userId } })).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['account.email_change_requested', 'account.email_changed', 'auth.sessions_revoked']),
      );
    });

    it("refuses a confirmation presented by another account's session, and leaves the link usable", async () => {
      const owner = await signInAs(testApp, 'owner@example.org');
      const intruder = await signInAs(testApp, 'intruder@example.org');
      await owner.agent
        .post('/api/v1/account/email')
        .set(owner.writeHeaders)
        .send({ email: 'owner-new@example.org' })
        .expect(202);
      const token = emailChangeToken(await capture.waitForMail('owner-new@example.org'));
      await capture.waitForMail('owner@example.org');

      const refused = await intruder.agent
        .post('/api/v1/account/email/verify')
        .set(intruder.writeHeaders)
        .send({ token })
        .expect(400);
      expect(refused.body.error.code).toBe('EMAIL_CHANGE_INVALID');
      expect((await prisma.user.findUniqueOrThrow({ where: { id: intruder.userId } })).email).toBe(
        'intruder@example.org',
      );
      await owner.agent.post('/api/v1/account/email/verify').set(owner.writeHeaders).send({ token }).expect(200);
    });

    it('refuses a confirmation link used twice with EMAIL_CHANGE_INVALID', async () => {
      const user = await signInAs(testApp, 'twice@example.org');
      await user.agent
        .post('/api/v1/account/email')
        .set(user.writeHeaders)
        .send({ email: 'twice-new@example.org' })
        .expect(202);
      const token = emailChangeToken(await capture.waitForMail('twice-new@example.org'));
      await capture.waitForMail('twice@example.org');
      await user.agent.post('/api/v1/account/email/verify').set(user.writeHeaders).send({ token }).expect(200);
      const replay = await user.agent
        .post('/api/v1/account/email/verify')
        .set(user.writeHeaders)
        .send({ token })
        .expect(400);
      expect(replay.body.error.code).toBe('EMAIL_CHANGE_INVALID');
    });

    it('refuses an expired confirmation link with EMAIL_CHANGE_EXPIRED', async () => {
      const user = await signInAs(testApp, 'slow@example.org');
      await user.agent
        .post('/api/v1/account/email')
        .set(user.writeHeaders)
        .send({ email: 'slow-new@example.org' })
        .expect(202);
      const token = emailChangeToken(await capture.waitForMail('slow-new@example.org'));
      await capture.waitForMail('slow@example.org');
      await prisma.emailToken.update({
        where: { tokenHash: createHash('sha256').update(token).digest('hex') },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const refused = await user.agent
        .post('/api/v1/account/email/verify')
        .set(user.writeHeaders)
        .send({ token })
        .expect(400);
      expect(refused.body.error.code).toBe('EMAIL_CHANGE_EXPIRED');
    });

    it('answers 409 USER_EMAIL_TAKEN when the new address got an account in the meantime', async () => {
      const user = await signInAs(testApp, 'mover@example.org');
      await user.agent
        .post('/api/v1/account/email')
        .set(user.writeHeaders)
        .send({ email: 'contested@example.org' })
        .expect(202);
      const token = emailChangeToken(await capture.waitForMail('contested@example.org'));
      await capture.waitForMail('mover@example.org');
      await signInAs(testApp, 'contested@example.org');
      const refused = await user.agent
        .post('/api/v1/account/email/verify')
        .set(user.writeHeaders)
        .send({ token })
        .expect(409);
      expect(refused.body.error.code).toBe('USER_EMAIL_TAKEN');
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe('mover@example.org');
    });

    it('sends no link to an address that already has an account, only a note to that mailbox, and answers 202', async () => {
      await signInAs(testApp, 'taken@example.org');
      const user = await signInAs(testApp, 'grabber@example.org');
      await user.agent
        .post('/api/v1/account/email')
        .set(user.writeHeaders)
        .send({ email: 'taken@example.org' })
        .expect(202);
      const note = await capture.waitForMail('taken@example.org');
      expect(note.text).not.toMatch(/token=/);
      expect(await prisma.emailToken.count({ where: { email: 'taken@example.org', purpose: 'email_change' } })).toBe(0);
      await capture.waitForMail('grabber@example.org');
    });

    it('refuses an email change without a recent sign-in with REAUTHENTICATION_REQUIRED', async () => {
      const user = await signInAs(testApp, 'stale-change@example.org');
      await backdate(user, 'authenticatedAt', ELEVEN_MINUTES);
      const refused = await user.agent
        .post('/api/v1/account/email')
        .set(user.writeHeaders)
        .send({ email: 'stale-new@example.org' })
        .expect(403);
      expect(refused.body.error).toMatchObject({
        code: 'REAUTHENTICATION_REQUIRED',
        details: { requires: 'recent_sign_in' },
      });
      expect(await prisma.emailToken.count({ where: { email: 'stale-new@example.org' } })).toBe(0);
    });
  });

  describe('deletion', () => {
    it('refuses without a sign-in in the last ten minutes', async () => {
      const user = await signInAs(testApp, 'keep-me@example.org');
      await backdate(user, 'authenticatedAt', ELEVEN_MINUTES);
      const refused = await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(403);
      expect(refused.body.error).toMatchObject({
        code: 'REAUTHENTICATION_REQUIRED',
        details: { requires: 'recent_sign_in' },
      });
      expect(await prisma.user.count({ where: { id: user.userId } })).toBe(1);
    });

    it('deletes the account after a recent sign-in: its sessions stop working, the audit trail stays', async () => {
      const user = await signInAs(testApp, 'leaving@example.org');
      const otherDevice = await signInAs(testApp, 'leaving@example.org');
      const response = await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(204);
      expect(([] as string[]).concat(response.headers['set-cookie'] ?? []).join()).toMatch(/lp_session=;/);
      expect(await prisma.user.count({ where: { id: user.userId } })).toBe(0);
      expect(await prisma.session.count({ where: { userId: user.userId } })).toBe(0);
      await testApp.http.get('/api/v1/account/sessions').set('Cookie', user.sessionCookie).expect(401);
      await otherDevice.agent.get('/api/v1/account/sessions').expect(401);
      const deleted = await prisma.auditEvent.findFirst({ where: { actorId: user.userId, action: 'account.deleted' } });
      expect(deleted).toMatchObject({ targetType: 'user', targetId: user.userId });
      // Signing in again with the address starts a new, empty account.
      const again = await signInAs(testApp, 'leaving@example.org');
      expect(again.userId).not.toBe(user.userId);
    });

    it('with two-step on, refuses without a recent second factor and allows with one', async () => {
      const user = await signInAs(testApp, 'guarded@example.org');
      await prisma.totpFactor.create({
        data: { userId: user.userId, secretEncrypted: 'v1.test', enabledAt: new Date() },
      });
      const refused = await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(403);
      expect(refused.body.error).toMatchObject({
        code: 'REAUTHENTICATION_REQUIRED',
        details: { requires: 'recent_second_factor' },
      });
      await backdate(user, 'secondFactorAt', 60_000);
      await user.agent.delete('/api/v1/account').set(user.writeHeaders).expect(204);
      expect(await prisma.user.count({ where: { id: user.userId } })).toBe(0);
    });
  });
});
