import { isIPv4 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import { ipPrefix } from '../../common/request-context/ip-prefix';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { composeMail } from '../../mail/mail-layout';
import { MailService } from '../../mail/mail.service';
import { normalizeEmail } from '../../users/users.repository';
import { UsersService } from '../../users/users.service';
import { RegistrationClosedError } from '../auth.errors';
import { SignInService } from '../sign-in.service';
import { EMAIL_TOKEN_TTL_MINUTES, EmailTokenService } from './email-token.service';
import { KnownDeviceCookie } from './known-device';
import { MagicLinkExpiredError, MagicLinkInvalidError, MagicLinkRateLimitedError } from './magic-link.errors';
import { hashSecret } from '../../common/crypto/secret-token';

const WINDOW_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;
// Per address and client network: 5 links per 15 minutes. Plenty for someone whose mail is slow or who lost a link;
// over it the answer stays 202 (saying "limited" would confirm someone uses the address) and nothing is sent. Counted
// per client so that strangers who exhaust it silence only themselves, not the owner of the address.
const LINKS_PER_ADDRESS_AND_CLIENT = 5;
// Per address, whatever the client: 20 links an hour. The bound on how far many networks together can flood one
// mailbox. Over it, nothing is sent unless the browser is known for that address (KnownDeviceCookie), so the flood
// cannot silence an owner who has signed in from that browser before.
const LINKS_PER_ADDRESS_PER_HOUR = 20;
// Per client network: 20 requests per 15 minutes, whatever the addresses. Several people behind one NAT can still
// sign in; one client cannot spray links at many mailboxes. Over it: 429, which says nothing about any address.
const REQUESTS_PER_CLIENT = 20;

/**
 * Sign-in by a single-use link sent by email. Requesting a link never reveals whether an account exists: the answer,
 * and the work done before answering, are the same for every address. No account exists until the link is used.
 */
@Injectable()
export class MagicLinkService {
  constructor(
    private readonly emailTokens: EmailTokenService,
    private readonly users: UsersService,
    private readonly signIn: SignInService,
    private readonly mail: MailService,
    private readonly knownDevices: KnownDeviceCookie,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async request(request: Request, email: string): Promise<void> {
    const client = clientKey(request.ip);
    const perClient = await this.store.increment(`magic-link:client:${client}`, WINDOW_MS);
    if (perClient.count > REQUESTS_PER_CLIENT) throw new MagicLinkRateLimitedError(Math.ceil(perClient.ttlMs / 1000));

    const address = normalizeEmail(email);
    // Keys hold a hash, so the store never lists who asked for links.
    const addressKey = hashSecret(address);
    const perPair = await this.store.increment(`magic-link:address-client:${addressKey}:${client}`, WINDOW_MS);
    let overLimit = perPair.count > LINKS_PER_ADDRESS_AND_CLIENT;
    if (!overLimit) {
      // Only requests within their own client's limit use up the address's hourly budget: one noisy client cannot.
      const perAddress = await this.store.increment(`magic-link:address:${addressKey}`, HOUR_MS);
      overLimit = perAddress.count > LINKS_PER_ADDRESS_PER_HOUR && !this.knownDevices.recognises(request, address);
    }
    if (overLimit) {
      this.logger.info('magic link not sent: the address is over its limit');
      await this.signIn.recordFailure(request, 'magic_link', 'rate_limited');
      return;
    }

    // The token row is written whatever happens next, so known and unknown addresses cost the same.
    const token = await this.emailTokens.issue('sign_in', address, null);
    const admitted = await this.users.admits(address, {
      registrationEnabled: this.config.auth.registrationEnabled,
      adminEmail: this.config.auth.adminEmail,
    });
    if (!admitted) {
      // Registration is closed and the address is neither a user nor invited: a link could only fail at verify, and
      // sending it would let anyone use this instance to mail strangers. The unused token row expires on its own.
      await this.signIn.recordFailure(request, 'magic_link', 'registration_closed');
      return;
    }
    this.mail.dispatch({ to: address, ...this.signInMail(token) }, 'magic_link');
  }

  async verify(
    request: Request,
    response: Response,
    token: string,
  ): Promise<{ status: 'active' | 'pending_second_factor' }> {
    const redemption = await this.emailTokens.redeem('sign_in', token);
    if (!redemption.ok) {
      const reason = redemption.reason === 'expired' ? 'expired' : 'invalid';
      // When we know whose address it was, the failure shows in that user's security log.
      const target = redemption.token ? await this.users.findByEmail(redemption.token.email) : null;
      await this.signIn.recordFailure(request, 'magic_link', reason, target?.id);
      throw reason === 'expired' ? new MagicLinkExpiredError() : new MagicLinkInvalidError();
    }
    const { email } = redemption.token;
    try {
      const outcome = await this.signIn.signInWithVerifiedEmail(request, response, 'magic_link', email);
      // One link was enough: the others sent to this address in the meantime stop working.
      await this.emailTokens.revokeOutstanding({ purpose: 'sign_in', email });
      // This browser can read the mailbox: from now on it gets its links even while strangers flood the address.
      this.knownDevices.issue(response, email);
      return { status: outcome.secondFactorRequired ? 'pending_second_factor' : 'active' };
    } catch (error) {
      if (error instanceof RegistrationClosedError) {
        await this.signIn.recordFailure(request, 'magic_link', 'registration_closed');
      }
      throw error;
    }
  }

  private signInMail(token: string) {
    const name = this.config.instance.name;
    const base = this.config.http.appUrl.replace(/\/+$/, '');
    return composeMail({
      subject: `Sign in to ${name}`,
      intro: [`Someone, hopefully you, asked to sign in to ${name} with this email address.`],
      action: { label: `Sign in to ${name}`, url: `${base}/sign-in/magic?token=${token}` },
      outro: [
        `The link expires in ${EMAIL_TOKEN_TTL_MINUTES} minutes and can be used once.`,
        'If you did not ask for it, you can ignore this email: nothing happens unless the link is used.',
      ],
      footer: `${name} · ${base}`,
    });
  }
}

/** IPv4 clients are counted by address; IPv6 clients by /48, since one host can hold a whole /64 or more. */
function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return isIPv4(mapped) ? mapped : (ipPrefix(mapped) ?? mapped);
}
