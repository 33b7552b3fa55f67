import { createHash } from 'node:crypto';
import supertest from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { MailService } from '../../src/mail/mail.service';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('magic links', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  let prisma: PrismaService;
  // Each test speaks from its own client address (TRUST_PROXY=loopback lets X-Forwarded-For say which), so the
  // per-client limit of one test does not spill into the next.
  let clientNumber = 0;
  const nextClient = () => `203.0.113.${(clientNumber += 1)}`;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({ env: { SMTP_URL: capture.url, TRUST_PROXY: 'loopback' } });
    prisma = testApp.app.nest.get(PrismaService);
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  const requestLink = (email: string, client = nextClient()) =>
    testApp.http.post('/api/v1/auth/magic-link').set('X-Forwarded-For', client).send({ email });

  const tokenOf = (mail: CapturedMail) => new URL(mail.link('/sign-in/magic')).searchParams.get('token') as string;

  async function linkFor(email: string): Promise<string> {
    await requestLink(email).expect(202);
    return tokenOf(await capture.waitForMail(email));
  }

  async function signInByLink(email: string) {
    const agent = supertest.agent(testApp.app.nest.getHttpServer());
    const verified = await agent.post('/api/v1/auth/magic-link/verify').send({ token: await linkFor(email) });
    return { agent, verified };
  }

  it('signs in end to end: the link is mailed, the account appears only when the link is used', async () => {
    const email = 'first@example.org';
    const response = await requestLink(email).expect(202);
    expect(response.body).toEqual({ status: 'sent' });
    const mail = await capture.waitForMail(email);
    expect(mail.subject).toBe('Sign in to LynxPrompt');
    expect(mail.from).toContain('no-reply@lynx.test');
    const link = mail.link();
    expect(link).toMatch(new RegExp(`^${TEST_APP_URL}/sign-in/magic\\?token=[A-Za-z0-9_-]{43}$`));
    expect(mail.text).toContain('expires in 15 minutes');
    expect(mail.text).toContain('can be used once');
    expect(mail.text).toMatch(/ignore this email/);
    expect(mail.html).toContain(`href="${link}"`);
    expect(await prisma.user.count()).toBe(0);

    const agent = supertest.agent(testApp.app.nest.getHttpServer());
    const verified = await agent
      .post('/api/v1/auth/magic-link/verify')
      .send({ token: tokenOf(mail) })
      .expect(200);
    expect(verified.body).toEqual({ status: 'active' });
    expect(([] as string[]).concat(verified.headers['set-cookie'] ?? []).join()).toMatch(/lp_session=/);
    const session = await agent.get('/api/v1/auth/session').expect(200);
    expect(session.body).toMatchObject({ status: 'active', user: { email, role: 'admin' } });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    const audit = await prisma.auditEvent.findMany({ where: { actorId: session.body.user.id } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['user.created', 'auth.sign_in']));
  });

  it('answers an existing and an unknown address exactly alike', async () => {
    await signInByLink('known@example.org');
    const known = await requestLink('known@example.org');
    const unknown = await requestLink('nobody-yet@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await capture.waitForMail('known@example.org');
    await capture.waitForMail('nobody-yet@example.org');
  });

  it('refuses a link used a second time with MAGIC_LINK_INVALID, and audits the attempt', async () => {
    const email = 'reuse@example.org';
    const token = await linkFor(email);
    await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token }).expect(200);
    const replay = await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token }).expect(400);
    expect(replay.body.error.code).toBe('MAGIC_LINK_INVALID');
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const failures = await prisma.auditEvent.findMany({ where: { actorId: user.id, action: 'auth.sign_in_failed' } });
    expect(failures.map((event) => event.metadata)).toEqual([{ method: 'magic_link', reason: 'invalid' }]);
  });

  it('refuses an unknown token with MAGIC_LINK_INVALID', async () => {
    const response = await testApp.http
      .post('/api/v1/auth/magic-link/verify')
      .send({ token: 'A'.repeat(43) })
      .expect(400);
    expect(response.body.error.code).toBe('MAGIC_LINK_INVALID');
  });

  it('refuses an expired link with MAGIC_LINK_EXPIRED and creates no account', async () => {
    const email = 'late@example.org';
    const token = await linkFor(email);
    await prisma.emailToken.update({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token }).expect(400);
    expect(response.body.error.code).toBe('MAGIC_LINK_EXPIRED');
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    const failure = await prisma.auditEvent.findFirst({
      where: { action: 'auth.sign_in_failed' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(failure?.metadata).toEqual({ method: 'magic_link', reason: 'expired' });
  });

  it('stores the token only as its SHA-256, for 15 minutes, with no account attached', async () => {
    const email = 'hashed@example.org';
    const token = await linkFor(email);
    const rows = await prisma.emailToken.findMany({ where: { email } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ tokenHash: sha256(token), purpose: 'sign_in', userId: null, usedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(14.9 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const everything = JSON.stringify(await prisma.emailToken.findMany());
    expect(everything).not.toContain(token);
  });

  it('lets one link of several work: using it voids the others sent to the same address', async () => {
    const email = 'several@example.org';
    const client = nextClient();
    await requestLink(email, client).expect(202);
    await requestLink(email, client).expect(202);
    const first = tokenOf(await capture.waitForMail(email));
    const second = tokenOf(await capture.waitForMail(email));
    expect(first).not.toBe(second);
    await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token: second }).expect(200);
    const stale = await testApp.http.post('/api/v1/auth/magic-link/verify').send({ token: first }).expect(400);
    expect(stale.body.error.code).toBe('MAGIC_LINK_INVALID');
  });

  it('sends no sixth link to one address from one client within 15 minutes, yet answers 202 as before', async () => {
    const email = 'flooded@example.org';
    const client = nextClient();
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const response = await requestLink(email, client).expect(202);
      expect(response.body).toEqual({ status: 'sent' });
    }
    await testApp.app.nest.get(MailService).idle();
    expect(capture.messagesTo(email)).toHaveLength(5);
    for (let i = 0; i < 5; i += 1) await capture.waitForMail(email);
  });

  it('answers 429 RATE_LIMITED to the 21st request from one client within 15 minutes, and only to that client', async () => {
    const client = nextClient();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      await requestLink(`spray-${attempt}@example.org`, client).expect(202);
    }
    const refused = await requestLink('spray-21@example.org', client).expect(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    await requestLink('spray-21@example.org', nextClient()).expect(202);
    await testApp.app.nest.get(MailService).idle();
    expect(capture.messagesTo('spray-21@example.org')).toHaveLength(1);
  });

  it('gives a user with two-step verification on only a pending session', async () => {
    const email = 'two-step@example.org';
    const { verified } = await signInByLink(email);
    expect(verified.status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await prisma.totpFactor.create({ data: { userId: user.id, secretEncrypted: 'v1.test', enabledAt: new Date() } });
    const { agent, verified: second } = await signInByLink(email);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ status: 'pending_second_factor' });
    expect((await agent.get('/api/v1/auth/session').expect(200)).body.status).toBe('pending_second_factor');
  });

  it('refuses something that is not an email address with VALIDATION_FAILED', async () => {
    const response = await requestLink('not-an-address').expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
