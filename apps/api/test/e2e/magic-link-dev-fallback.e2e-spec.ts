import supertest from 'supertest';
import { MailService, MAIL_NOT_SENT } from '../../src/mail/mail.service';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

describe('magic links without SMTP_URL (the development fallback)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('writes a working sign-in link to the log, with the address masked', async () => {
    const email = 'developer@example.org';
    await testApp.http.post('/api/v1/auth/magic-link').send({ email }).expect(202);
    await testApp.app.nest.get(MailService).idle();

    const line = testApp.logLines.find((entry) => String(entry.msg).startsWith(MAIL_NOT_SENT));
    expect(line).toMatchObject({ level: 'info', mail: { subject: 'Sign in to LynxPrompt' } });
    const link = /(https?:\/\/\S+)/.exec(String(line?.msg))?.[1] as string;
    expect(link).toMatch(new RegExp(`^${TEST_APP_URL}/sign-in/magic\\?token=[A-Za-z0-9_-]{43}$`));
    expect((line?.mail as { link: string }).link).toBe(link);
    expect(testApp.rawLogs()).not.toContain(email);

    // Copied from the log as is, the link signs in.
    const agent = supertest.agent(testApp.app.nest.getHttpServer());
    const token = new URL(link).searchParams.get('token');
    await agent.post('/api/v1/auth/magic-link/verify').send({ token }).expect(200);
    expect((await agent.get('/api/v1/auth/session').expect(200)).body.user.email).toBe(email);
  });
});
