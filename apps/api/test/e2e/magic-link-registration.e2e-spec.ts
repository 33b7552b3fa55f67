import { createHash } from 'node:crypto';
import supertest from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { MailService } from '../../src/mail/mail.service';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';

const tokenOf = (mail: CapturedMail) => new URL(mail.link('/sign-in/magic')).searchParams.get('token') as string;

/**
 * With ENABLE_REGISTRATION=false an unknown address gets no mail at all (the answer is still 202): a link could only
 * fail at verify, and mailing it would let anyone use the instance to write to strangers. Verify still enforces the
 * rule for links sent while the address was allowed.
 */
describe('magic links with registration closed', () => {
  const admin = 'root@example.org';
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({
      env: { SMTP_URL: capture.url, ENABLE_REGISTRATION: 'false', ADMIN_EMAIL: admin },
    });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  async function signInByLink(email: string) {
    await testApp.http.post('/api/v1/auth/magic-link').send({ email }).expect(202);
    const agent = supertest.agent(testApp.app.nest.getHttpServer());
    const verified = await agent
      .post('/api/v1/auth/magic-link/verify')
      .send({ token: tokenOf(await capture.waitForMail(email)) });
    const csrfToken = (await agent.get('/api/v1/auth/session')).body.csrfToken as string;
    return { agent, verified, writeHeaders: { Origin: 'http://lynx.test', 'X-CSRF-Token': csrfToken } };
  }

  it('answers an unknown address 202 like any other, but mails it nothing and creates no account', async () => {
    const stranger = 'stranger@example.org';
    const response = await testApp.http.post('/api/v1/auth/magic-link').send({ email: stranger }).expect(202);
    expect(response.body).toEqual({ status: 'sent' });
    // The same pipeline does deliver to an address that may sign in, so the silence below is not a broken mailer.
    await testApp.http.post('/api/v1/auth/magic-link').send({ email: admin }).expect(202);
    await capture.waitForMail(admin);
    await testApp.app.nest.get(MailService).idle();
    expect(capture.messagesTo(stranger)).toEqual([]);
    expect(await prisma.user.count({ where: { email: stranger } })).toBe(0);
    const failure = await prisma.auditEvent.findFirst({ where: { action: 'auth.sign_in_failed' } });
    expect(failure?.metadata).toEqual({ method: 'magic_link', reason: 'registration_closed' });
  });

  it('lets ADMIN_EMAIL sign up while registration is closed, as an admin', async () => {
    const { agent, verified } = await signInByLink(admin);
    expect(verified.body).toEqual({ status: 'active' });
    const session = await agent.get('/api/v1/auth/session').expect(200);
    expect(session.body.user).toMatchObject({ email: admin, role: 'admin' });
  });

  it('lets an invited address sign up, as a plain user, after an admin invites it', async () => {
    const guest = 'guest@example.org';
    const root = await signInByLink(admin);
    const invited = await root.agent
      .post('/api/v1/admin/invitations')
      .set(root.writeHeaders)
      .send({ email: 'Guest@Example.org' })
      .expect(201);
    expect(invited.body).toEqual({ email: guest, createdAt: expect.any(String) });
    const invitation = await capture.waitForMail(guest);
    expect(invitation.subject).toBe('You are invited to LynxPrompt');
    expect(invitation.link()).toBe('http://lynx.test/sign-in');

    const { agent, verified } = await signInByLink(guest);
    expect(verified.body).toEqual({ status: 'active' });
    expect((await agent.get('/api/v1/auth/session').expect(200)).body.user).toMatchObject({
      email: guest,
      role: 'user',
    });
  });

  it('refuses invitations from a user who is not an admin with 403 FORBIDDEN', async () => {
    const member = 'member@example.org';
    const root = await signInByLink(admin);
    await root.agent.post('/api/v1/admin/invitations').set(root.writeHeaders).send({ email: member }).expect(201);
    await capture.waitForMail(member);
    const { agent, writeHeaders } = await signInByLink(member);
    const refused = await agent
      .post('/api/v1/admin/invitations')
      .set(writeHeaders)
      .send({ email: 'friend@example.org' })
      .expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(await prisma.invitation.count({ where: { email: 'friend@example.org' } })).toBe(0);
  });

  it('answers REGISTRATION_CLOSED at verify when the invitation was withdrawn after the link was sent', async () => {
    const withdrawn = 'withdrawn@example.org';
    await prisma.invitation.create({ data: { email: withdrawn } });
    await testApp.http.post('/api/v1/auth/magic-link').send({ email: withdrawn }).expect(202);
    const token = tokenOf(await capture.waitForMail(withdrawn));
    await prisma.invitation.delete({ where: { email: withdrawn } });
    const refused = await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token }).expect(403);
    expect(refused.body.error.code).toBe('REGISTRATION_CLOSED');
    expect(await prisma.user.count({ where: { email: withdrawn } })).toBe(0);
    const tokenHash = createHash('sha256').update(token).digest('hex');
    expect((await prisma.emailToken.findUniqueOrThrow({ where: { tokenHash } })).usedAt).not.toBeNull();
  });
});

describe('magic links with ADMIN_EMAIL set and registration open', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({ env: { SMTP_URL: capture.url, ADMIN_EMAIL: 'owner@example.org' } });
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  it('does not make whoever signs up first an admin: only ADMIN_EMAIL is', async () => {
    const roleAfterSignIn = async (email: string) => {
      await testApp.http.post('/api/v1/auth/magic-link').send({ email }).expect(202);
      const agent = supertest.agent(testApp.app.nest.getHttpServer());
      await agent
        .post('/api/v1/auth/magic-link/verify')
        .send({ token: tokenOf(await capture.waitForMail(email)) })
        .expect(200);
      return (await agent.get('/api/v1/auth/session').expect(200)).body.user.role as string;
    };
    expect(await roleAfterSignIn('early-bird@example.org')).toBe('user');
    expect(await roleAfterSignIn('owner@example.org')).toBe('admin');
  });
});
