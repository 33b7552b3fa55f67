import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { ComposedMail } from './mail-layout';

export interface MailMessage extends ComposedMail {
  to: string;
}

export const MAIL_NOT_SENT = 'mail not sent: no SMTP_URL configured';

/**
 * Outgoing mail over SMTP (SMTP_URL). Without SMTP_URL (embedded mode, local development) nothing is sent: the
 * message is written to the server log at info level instead, with its link readable, so whoever runs the instance
 * can still sign in. The redactor masks addresses in that line; links carry no address and stay intact.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly transport: Transporter | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const url = config.secrets.smtpUrl;
    this.transport = url
      ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : undefined;
  }

  onModuleInit(): void {
    if (!this.transport && this.config.isProduction) {
      this.logger.warn(
        'SMTP_URL is not set: sign-in and confirmation links are written to the server log instead of being mailed, ' +
          'so anyone who can read the log can use them. Configure SMTP_URL (see docs/authentication-email.md).',
      );
    }
  }

  /** Delivers now; rejects when the SMTP server refuses or cannot be reached. */
  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      this.logToServerLog(message);
      return;
    }
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  }

  /**
   * Delivers in the background: the request answers without waiting for the SMTP server, so its timing tells nothing
   * about whether a message was sent (no enumeration). Failures go to the log. Not a queued job on purpose: the
   * message carries a live single-use token, which must not rest in Redis or the jobs table.
   */
  dispatch(message: MailMessage, purpose: string): void {
    const delivery = this.send(message)
      .catch((error: unknown) => {
        this.logger.error({ err: error, purpose }, 'mail delivery failed');
      })
      .finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  /** Resolves once every dispatched message has been delivered or has failed (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
    this.transport?.close();
  }

  private logToServerLog(message: MailMessage): void {
    // The link goes into the message text and its own field, never under a key the redactor blanks (token, code…),
    // so it can be copied from the log as is. The recipient is masked like every address in the log.
    this.logger.info(
      { mail: { to: message.to, subject: message.subject, link: message.link ?? null, text: message.text } },
      message.link ? `${MAIL_NOT_SENT}; open this link to continue: ${message.link}` : MAIL_NOT_SENT,
    );
  }
}
