import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EntitlementService } from '../billing/entitlements.service';
import { AuditService } from '../audit/audit.service';
import { EmailTokenService, EMAIL_TOKEN_TTL_MINUTES } from '../auth/magic-link/email-token.service';
import type { Principal } from '../auth/principal';
import { requestContext, SessionService } from '../auth/sessions/session.service';
import { SignInService } from '../auth/sign-in.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { User } from '../generated/prisma/client';
import { CacheInvalidationBus } from '../http-cache/cache-invalidation-bus';
import { authorTag, FEDERATION_CATALOGUE_TAG } from '../http-cache/cache-tags';
import { KEY_VALUE_STORE, type KeyValueStore } from '../kv/key-value-store';
import { composeMail, type ComposedMail } from '../mail/mail-layout';
import { MailService } from '../mail/mail.service';
import { EmailTakenError } from '../users/users.errors';
import { normalizeEmail } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { LastOwnerError } from '../organizations/organizations.errors';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  AccountGoneError,
  AccountRateLimitedError,
  EmailChangeExpiredError,
  EmailChangeInvalidError,
  EmailUnchangedError,
} from './account.errors';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

// Email changes: 5 requests per account per 15 minutes. Each one mails two addresses, one of them chosen freely.
const EMAIL_CHANGES_PER_WINDOW = 5;
const EMAIL_CHANGE_WINDOW_MS = 15 * 60_000;

/** The signed-in user's own account: profile, address, deletion. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly signIn: SignInService,
    private readonly emailTokens: EmailTokenService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly responseCache: CacheInvalidationBus,
    private readonly entitlements: EntitlementService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async updateProfile(
    request: Request,
    principal: SessionPrincipal,
    changes: { displayName?: string; handle?: string; bio?: string },
  ): Promise<User> {
    const before = await this.currentUser(principal);
    const user = await this.users.update(principal.userId, changes);
    const fields = (['displayName', 'handle', 'bio'] as const).filter((field) => before[field] !== user[field]);
    // Public pages (catalogue, federation feed, profiles) show the author's name, handle and bio.
    if (fields.length > 0) this.responseCache.invalidate([authorTag(before.handle), FEDERATION_CATALOGUE_TAG]);
    // A handle is how others find and cite the account: changing it belongs in the security log.
    if (fields.length > 0) {
      await this.audit.record(
        { type: 'user', id: user.id },
        'account.profile_updated',
        { type: 'user', id: user.id },
        requestContext(request),
        { fields: [...fields] },
      );
    }
    return user;
  }

  /**
   * Step one of an email change: a link to the NEW address proves it is theirs; a notice to the OLD address warns the
   * owner if it was not them. Whoever holds a stolen session could otherwise move the account to an address they
   * control, so this needs a recent sign-in (and second factor, with two-step on), like deleting the account.
   */
  async requestEmailChange(request: Request, principal: SessionPrincipal, email: string): Promise<void> {
    await this.assertFreshAuthentication(principal);
    const hits = await this.store.increment(`account:email-change:${principal.userId}`, EMAIL_CHANGE_WINDOW_MS);
    if (hits.count > EMAIL_CHANGES_PER_WINDOW) throw new AccountRateLimitedError(Math.ceil(hits.ttlMs / 1000));
    const user = await this.currentUser(principal);
    const address = normalizeEmail(email);
    if (address === user.email) throw new EmailUnchangedError();

    const taken = Boolean(await this.users.findByEmail(address));
    await this.audit.record(
      { type: 'user', id: user.id },
      'account.email_change_requested',
      { type: 'user', id: user.id },
      requestContext(request),
    );
    if (taken) {
      // Told only to whoever reads that mailbox, so the answer to the requester still reveals nothing.
      this.mail.dispatch({ to: address, ...this.addressTakenMail() }, 'email_change_taken');
    } else {
      const token = await this.emailTokens.issue('email_change', address, user.id);
      this.mail.dispatch({ to: address, ...this.confirmMail(token) }, 'email_change');
    }
    this.mail.dispatch({ to: user.email, ...this.noticeMail(address) }, 'email_change_notice');
  }

  /**
   * Step two: the link's token, presented by a session of the same account. The new address is proven, so every other
   * session ends (the privilege changed hands if the address did).
   */
  async verifyEmailChange(request: Request, principal: SessionPrincipal, token: string): Promise<User> {
    // A token presented by another account is refused without being used up, so it cannot be burnt by others.
    const redemption = await this.emailTokens.redeem('email_change', token, (row) => row.userId === principal.userId);
    if (!redemption.ok) {
      await this.recordEmailChangeFailure(request, principal, redemption.reason);
      throw redemption.reason === 'expired' ? new EmailChangeExpiredError() : new EmailChangeInvalidError();
    }
    const before = await this.currentUser(principal);
    let user: User;
    try {
      user = await this.users.changeEmail(principal.userId, redemption.token.email);
    } catch (error) {
      if (error instanceof EmailTakenError) await this.recordEmailChangeFailure(request, principal, 'email_taken');
      throw error;
    }
    await this.emailTokens.revokeOutstanding({ purpose: 'email_change', userId: user.id });
    // Sign-in links already sent to the old address were meant for this account, which no longer answers to it.
    await this.emailTokens.revokeOutstanding({ purpose: 'sign_in', email: before.email });
    await this.audit.record(
      { type: 'user', id: user.id },
      'account.email_changed',
      { type: 'user', id: user.id },
      requestContext(request),
    );
    await this.sessions.revokeOthers(principal, request);
    return user;
  }

  /**
   * Deletes the account and everything hanging off it (sessions, identities, factors, tokens). Needs a sign-in within
   * ten minutes, and a fresh second factor when two-step is on. Refused (LAST_OWNER) while the user is the only Owner
   * of an organization. The audit trail stays: its actor ids are not keys.
   */
  async deleteAccount(request: Request, response: Response, principal: SessionPrincipal): Promise<void> {
    await this.assertFreshAuthentication(principal);
    const user = await this.currentUser(principal);
    // An organization must keep an Owner: whoever is the only one hands over or deletes it first.
    const soleOwner = await this.organizations.soleOwnerships(user.id);
    if (soleOwner.length > 0) throw new LastOwnerError(soleOwner);
    await this.entitlements.assertNothingRenews({ kind: 'user', id: user.id });
    // Sessions first, through the service, so their cached copies go too and no replica serves them for a minute.
    await this.sessions.revokeAll(user.id);
    await this.users.delete(user.id);
    // Their public blueprints are gone (and tombstoned for peers): no cached page may list them.
    this.responseCache.invalidate([authorTag(user.handle), FEDERATION_CATALOGUE_TAG]);
    await this.emailTokens.revokeOutstanding({ purpose: 'sign_in', email: user.email });
    this.sessions.clearCookie(response);
    await this.audit.record(
      { type: 'user', id: user.id },
      'account.deleted',
      { type: 'user', id: user.id },
      requestContext(request),
    );
  }

  private async assertFreshAuthentication(principal: SessionPrincipal): Promise<void> {
    this.sessions.assertRecent(principal, 'sign-in');
    if (await this.signIn.twoStepEnabled(principal.userId)) this.sessions.assertRecent(principal, 'second factor');
  }

  private async currentUser(principal: SessionPrincipal): Promise<User> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AccountGoneError();
    return user;
  }

  private recordEmailChangeFailure(request: Request, principal: SessionPrincipal, reason: string) {
    return this.audit.record(
      { type: 'user', id: principal.userId },
      'account.email_change_failed',
      { type: 'user', id: principal.userId },
      requestContext(request),
      { reason },
    );
  }

  private confirmMail(token: string): ComposedMail {
    const { name, base } = this.instance();
    return composeMail({
      subject: `Confirm your new email address for ${name}`,
      intro: [`Someone, hopefully you, asked to use this address for their ${name} account.`],
      action: { label: 'Confirm this address', url: `${base}/account/email/verify?token=${token}` },
      outro: [
        `Open the link in the browser where you are signed in. It expires in ${EMAIL_TOKEN_TTL_MINUTES} minutes and ` +
          'can be used once.',
        'If you did not ask for this, ignore this email: the address is not used unless the link is.',
      ],
      footer: `${name} · ${base}`,
    });
  }

  private addressTakenMail(): ComposedMail {
    const { name, base } = this.instance();
    return composeMail({
      subject: `Your email address was entered on ${name}`,
      intro: [
        `Someone asked to move another ${name} account to this email address, but it already belongs to an ` +
          'account, so nothing changed.',
      ],
      outro: ['If that was you, sign in with this address instead. Otherwise you can ignore this email.'],
      footer: `${name} · ${base}`,
    });
  }

  private noticeMail(newAddress: string): ComposedMail {
    const { name, base } = this.instance();
    return composeMail({
      subject: `Your ${name} email address is about to change`,
      intro: [
        `Someone signed in to your ${name} account asked to change its email address to ${newAddress}. The change ` +
          'happens once that address is confirmed.',
      ],
      outro: [
        'If this was you, there is nothing to do. If it was not, sign in, end your other sessions and check your ' +
          'security settings: someone else may be using your account.',
      ],
      footer: `${name} · ${base}`,
    });
  }

  private instance() {
    return { name: this.config.instance.name, base: this.config.http.appUrl.replace(/\/+$/, '') };
  }
}
