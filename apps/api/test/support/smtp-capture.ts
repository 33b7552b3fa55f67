import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  /** The first envelope recipient, lower-cased. */
  readonly to: string;
  /** Every envelope recipient, lower-cased. */
  readonly recipients: readonly string[];
  /** The From header as written, e.g. `LynxPrompt <no-reply@lynx.test>`. */
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** The HTML part ('' when the message had none). */
  readonly html: string;
  /**
   * The first http(s) URL in the text part; with a pattern, the first one containing it (string) or matching it
   * (RegExp). Throws when there is none, so a test never follows `undefined`.
   */
  link(pattern?: string | RegExp): string;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  /** Every message received so far, oldest first. */
  readonly messages: CapturedMail[];
  /**
   * The oldest message to `to` not yet returned by an earlier waitForMail call, waiting for it if need be (default
   * 5 s). So two links requested in a row are read in the order they were sent.
   */
  waitForMail(to: string, timeoutMs?: number): Promise<CapturedMail>;
  /** Messages received for `to` (lower-cased comparison), whether or not waitForMail has returned them. */
  messagesTo(to: string): CapturedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives. Plain SMTP, no authentication required, STARTTLS not
 * offered (so the client does not try to upgrade to TLS with a certificate nobody trusts).
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const handedOut = new Set<CapturedMail>();
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(
            capturedMail(
              parsed,
              session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            ),
          );
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const messagesTo = (to: string) => messages.filter((mail) => mail.recipients.includes(to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messagesTo,
    waitForMail(to: string, timeoutMs = 5000) {
      return new Promise<CapturedMail>((resolve, reject) => {
        const check = () => {
          const mail = messagesTo(to).find((candidate) => !handedOut.has(candidate));
          if (!mail) return false;
          handedOut.add(mail);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mail);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms (received: ${messages.length} in all)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function capturedMail(parsed: Awaited<ReturnType<typeof simpleParser>>, recipients: string[]): CapturedMail {
  const text = parsed.text ?? '';
  return {
    to: recipients[0] ?? addressText(parsed.to),
    recipients,
    from: parsed.from?.text ?? '',
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    link(pattern?: string | RegExp) {
      const urls = text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
      const found = urls.find((url) =>
        pattern === undefined ? true : typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url),
      );
      if (!found) throw new Error(`no link${pattern ? ` matching ${String(pattern)}` : ''} in: ${text}`);
      return found;
    },
  };
}

function addressText(to: AddressObject | AddressObject[] | undefined): string {
  if (!to) return '';
  return (Array.isArray(to) ? to : [to]).map((entry) => entry.text).join(', ');
}
