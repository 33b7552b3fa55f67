import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../common/logging/logger';
import { loadConfig } from '../config/config';
import { composeMail } from './mail-layout';
import { MAIL_NOT_SENT, MailService } from './mail.service';

function capturingLogger() {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('info', sink), raw: () => chunks.join('') };
}

describe('MailService without SMTP_URL', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_URL: 'https://prompts.example.org',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });

  it('logs the link usable as is, while the redactor still masks addresses, bearer tokens and cookies', async () => {
    const { logger, raw } = capturingLogger();
    const mail = new MailService(config, logger);
    // Tokens are base64url: letters, digits, - and _. One full of the characters most likely to trip a pattern.
    const token = `${randomBytes(30).toString('base64url')}-_9`;
    const link = `https://prompts.example.org/sign-in/magic?token=${token}`;
    await mail.send({
      to: 'someone.private@example.org',
      ...composeMail({
        subject: 'Sign in',
        intro: ['Hi.'],
        action: { label: 'Sign in', url: link },
        outro: [],
        footer: 'LynxPrompt',
      }),
    });
    logger.info(
      { headers: { authorization: 'Bearer lp_secretsecret', cookie: 'lp_session=cookievalue' } },
      'request with Bearer lp_othersecret',
    );

    const lines = raw()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; mail?: { link: string; text: string } });
    expect(lines[0]!.msg).toBe(`${MAIL_NOT_SENT}; open this link to continue: ${link}`);
    expect(lines[0]!.mail?.link).toBe(link);
    expect(lines[0]!.mail?.text).toContain(link);
    const text = raw();
    for (const secret of ['someone.private', 'lp_secretsecret', 'cookievalue', 'lp_othersecret']) {
      expect(text).not.toContain(secret);
    }
  });

  it('sends nothing and resolves idle() once background deliveries are done', async () => {
    const { logger, raw } = capturingLogger();
    const mail = new MailService(config, logger);
    mail.dispatch({ to: 'a@example.org', subject: 'S', text: 'T', html: '<p>T</p>' }, 'test');
    await mail.idle();
    expect(raw()).toContain(MAIL_NOT_SENT);
  });
});

describe('MailService in production without SMTP_URL', () => {
  it('warns at start-up that links go to the log', () => {
    const { logger, raw } = capturingLogger();
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_URL: 'https://prompts.example.org',
      DATABASE_URL: 'postgresql://lynx@127.0.0.1:5432/lynx',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    new MailService(config, logger).onModuleInit();
    expect(raw()).toMatch(/"level":"warn".*SMTP_URL is not set/);
  });

  it('does not warn when SMTP_URL is set', () => {
    const { logger, raw } = capturingLogger();
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_URL: 'https://prompts.example.org',
      DATABASE_URL: 'postgresql://lynx@127.0.0.1:5432/lynx',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    new MailService(config, logger).onModuleInit();
    expect(raw()).toBe('');
  });
});
