import supertest from 'supertest';
import { MailService } from '../../src/mail/mail.service';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Strangers asking for links to someone else's address, from many networks: they must neither silence the owner's
 * own sign-in nor flood the mailbox without bound.
 */
describe('magic links under a flood from other clients', () => {
  let capture: SmtpCapture;
  let testApp: TestApp;
  // TRUST_PROXY=loopback lets X-Forwarded-For name the client; each call gets a network of its own.
  let clientNumber = 0;
  const nextClient = () => `198.51.100.${(clientNumber += 1)}`;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    capture = await startSmtpCapture();
    testApp = await startTestApp({ env: { SMTP_URL: capture.url, TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await testApp.close();
    await capture.close();
  });

  const requestLink = (email: string, client: string, agent = supertest(testApp.app.nest.getHttpServer())) =>
    agent.post('/api/v1/auth/magic-link').set('X-Forwarded-For', client).send({ email }).expect(202);
  const settled = () => testApp.app.nest.get(MailService).idle();
  const tokenOf = (mail: CapturedMail) => new URL(mail.link('/sign-in/magic')).searchParams.get('token') as string;

  /** `clients` strangers, each asking until its own limit and one more. */
  async function flood(email: string, clients: number) {
    for (let index = 0; index < clients; index += 1) {
      const stranger = nextClient();
      for (let attempt = 0; attempt < 6; attempt += 1) await requestLink(email, stranger);
    }
    await settled();
  }

  it('still mails the owner after strangers on other networks have used up their own limits', async () => {
    const victim = `victim-${run}@example.org`;
    await flood(victim, 3);
    const before = capture.messagesTo(victim).length;
    // Each stranger got at most its own 5: the sixth from each was dropped.
    expect(before).toBe(15);
    await requestLink(victim, nextClient());
    await settled();
    expect(capture.messagesTo(victim)).toHaveLength(before + 1);
  });

  it('caps what all strangers together can send to one mailbox at 20 an hour', async () => {
    const victim = `bombed-${run}@example.org`;
    await flood(victim, 8);
    expect(capture.messagesTo(victim)).toHaveLength(20);
    // A fresh network with no history for the address is a stranger too: the ceiling holds.
    await requestLink(victim, nextClient());
    await settled();
    expect(capture.messagesTo(victim)).toHaveLength(20);
  });

  it('lets a browser that has signed in by link before through the ceiling, and only for its own address', async () => {
    const owner = `owner-${run}@example.org`;
    const ownerBrowser = supertest.agent(testApp.app.nest.getHttpServer());
    const home = nextClient();
    await requestLink(owner, home, ownerBrowser);
    const mail = (await capture.waitForMail(owner)) as CapturedMail;
    const verified = await ownerBrowser
      .post('/api/v1/auth/magic-link/verify')
      .set('X-Forwarded-For', home)
      .send({ token: tokenOf(mail) })
      .expect(200);
    const cookie = ([] as string[])
      .concat(verified.headers['set-cookie'] ?? [])
      .find((line) => line.startsWith('lp_known_device='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/magic-link/);
    expect(cookie).not.toContain(owner);
    // Later the session is gone (signed out, expired) but the browser keeps this cookie.
    const knownBrowser = (email: string, client: string) =>
      supertest(testApp.app.nest.getHttpServer())
        .post('/api/v1/auth/magic-link')
        .set('X-Forwarded-For', client)
        .set('Cookie', cookie!.split(';')[0]!)
        .send({ email })
        .expect(202);

    await flood(owner, 8);
    const flooded = capture.messagesTo(owner).length;
    // The owner's own first link counts towards the hour's 20 as well.
    expect(flooded).toBe(20);
    // The owner's browser, even from yet another network (a phone on mobile data), still gets its link.
    await knownBrowser(owner, nextClient());
    await settled();
    expect(capture.messagesTo(owner)).toHaveLength(flooded + 1);

    // The same cookie does nothing for another flooded address, nor does a forged one.
    const other = `other-${run}@example.org`;
    await flood(other, 8);
    await knownBrowser(other, nextClient());
    const forged = `lp_known_device=${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`;
    await supertest(testApp.app.nest.getHttpServer())
      .post('/api/v1/auth/magic-link')
      .set('X-Forwarded-For', nextClient())
      .set('Cookie', forged)
      .send({ email: other })
      .expect(202);
    await settled();
    expect(capture.messagesTo(other)).toHaveLength(20);
  });
});
