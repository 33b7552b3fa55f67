import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessService } from '../access/access.service';
import type { OrganizationRole } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { requestContext } from '../auth/sessions/session.service';
import { hashSecret, mintSecretToken } from '../common/crypto/secret-token';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Organization, OrganizationInvitation } from '../generated/prisma/client';
import { composeMail } from '../mail/mail-layout';
import { MailService } from '../mail/mail.service';
import { normalizeEmail } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import type {
  InvitationPreview,
  InvitationStatus,
  OrganizationInvitationView,
  OrganizationView,
} from './dto/organizations.dto';
import { OrganizationLookupService } from './organization-lookup.service';
import {
  AlreadyMemberError,
  InvitationEmailMismatchError,
  InvitationExpiredError,
  InvitationNotFoundError,
  OrganizationRoleRequiredError,
} from './organizations.errors';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { EntitlementService } from '../billing/entitlements.service';
import type { BillingAccount } from '../billing/billing-account';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

export const INVITATION_TTL_DAYS = 7;
const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60_000;
// Tokens are 43 base64url characters; anything else is not one of ours and is not looked up.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Invitations to an organization: by email, with a role, single use, valid 7 days, revocable. Only the SHA-256 of
 * the token is stored; the link in the mail is the only copy of the token.
 */
@Injectable()
export class OrganizationInvitationsService {
  constructor(
    private readonly repository: OrganizationsRepository,
    private readonly organizations: OrganizationsService,
    private readonly lookup: OrganizationLookupService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly entitlements: EntitlementService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(
    request: Request,
    slug: string,
    principal: SessionPrincipal,
    input: { email: string; role: OrganizationRole },
  ): Promise<OrganizationInvitationView> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.view');
    const resource = { type: 'member', organizationId: organization.id, role: input.role } as const;
    if (!(await this.access.can(principal, 'member.invite', resource))) {
      throw new OrganizationRoleRequiredError('member.invite');
    }
    const email = normalizeEmail(input.email);
    const existing = await this.users.findByEmail(email);
    if (existing && (await this.repository.member(organization.id, existing.id))) throw new AlreadyMemberError();
    const now = new Date();
    const account: BillingAccount = { kind: 'organization', id: organization.id };
    const token = mintSecretToken();
    const invitation = await this.repository.createInvitation(
      {
        organizationId: organization.id,
        email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedById: principal.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      // Every pending invitation is a seat promised: members, pending invitations and this one must fit the plan.
      async (tx) => {
        const pending = await this.repository.pendingInvitationCount(organization.id, now, tx);
        await this.entitlements.check(account, 'seats', 1, { tx, pending });
      },
    );
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'invitation.created',
      { type: 'invitation', id: invitation.id },
      requestContext(request),
      { role: input.role },
      organization.id,
    );
    const inviter = await this.users.findById(principal.userId);
    this.mail.dispatch(
      { to: email, ...this.invitationMail(organization, input.role, token, inviter?.displayName) },
      'organization_invitation',
    );
    return toInvitationView(invitation, now);
  }

  async list(
    slug: string,
    principal: SessionPrincipal,
    status: 'pending' | 'all',
  ): Promise<OrganizationInvitationView[]> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.invitations');
    const now = new Date();
    const rows = await this.repository.invitations(organization.id, status === 'pending' ? now : null);
    return rows.map((row) => toInvitationView(row, now));
  }

  async revoke(request: Request, slug: string, principal: SessionPrincipal, id: string): Promise<void> {
    const organization = await this.lookup.resolve(slug, principal, 'organization.invitations');
    const invitation = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.invitation(organization.id, id) : null;
    if (!invitation) throw new InvitationNotFoundError();
    // Revoking an invitation to be an Owner is for Owners, like sending one.
    const resource = { type: 'member', organizationId: organization.id, role: invitation.role } as const;
    if (!(await this.access.can(principal, 'member.invite', resource))) {
      throw new OrganizationRoleRequiredError('member.invite');
    }
    if (!(await this.repository.revokeInvitation(invitation.id, new Date()))) throw new InvitationNotFoundError();
    await this.audit.record(
      { type: 'user', id: principal.userId },
      'invitation.revoked',
      { type: 'invitation', id: invitation.id },
      requestContext(request),
      { role: invitation.role },
      organization.id,
    );
  }

  /** What the link offers, for the signed-in person deciding whether to accept it. */
  async preview(token: string, principal: SessionPrincipal): Promise<InvitationPreview> {
    const invitation = await this.pending(token);
    const user = await this.users.findById(principal.userId);
    return {
      organization: {
        slug: invitation.organization.slug,
        name: invitation.organization.name,
        avatarUrl: invitation.organization.avatarUrl,
      },
      role: invitation.role,
      email: maskEmail(invitation.email),
      forYou: Boolean(user?.emailVerifiedAt) && user?.email === invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async accept(request: Request, token: string, principal: SessionPrincipal): Promise<OrganizationView> {
    const invitation = await this.pending(token);
    const user = await this.users.findById(principal.userId);
    // Only the verified owner of the invited address may use it; anyone else leaves it unused.
    if (!user?.emailVerifiedAt || normalizeEmail(user.email) !== invitation.email) {
      throw new InvitationEmailMismatchError();
    }
    const organization = invitation.organization;
    if (await this.repository.member(organization.id, user.id)) throw new AlreadyMemberError();
    // The new member must fit: up to the plan's seats (on a per-seat plan that refuses overflow, the seats paid for;
    // one that buys seats allows up to its maximum, and the subscription follows the member count).
    const account: BillingAccount = { kind: 'organization', id: organization.id };
    const outcome = await this.repository.acceptInvitation(invitation.id, user.id, new Date(), (tx) =>
      this.entitlements.check(account, 'seats', 1, { tx }),
    );
    if (outcome === 'member') throw new AlreadyMemberError();
    if (outcome === 'used') throw new InvitationNotFoundError();
    await this.entitlements.membersChanged(organization.id);
    const context = requestContext(request);
    await this.audit.record(
      { type: 'user', id: user.id },
      'invitation.accepted',
      { type: 'invitation', id: invitation.id },
      context,
      { role: invitation.role },
      organization.id,
    );
    await this.audit.record(
      { type: 'user', id: user.id },
      'member.added',
      { type: 'user', id: user.id },
      context,
      { role: invitation.role, invitationId: invitation.id },
      organization.id,
    );
    return this.organizations.viewFor(organization, principal);
  }

  /** The invitation a token names, if it can still be used: 404 unknown, revoked or used; 410 expired. */
  private async pending(token: string): Promise<OrganizationInvitation & { organization: Organization }> {
    const invitation = TOKEN_PATTERN.test(token)
      ? await this.repository.invitationByTokenHash(hashSecret(token))
      : null;
    if (!invitation || invitation.revokedAt || invitation.acceptedAt) throw new InvitationNotFoundError();
    if (invitation.expiresAt.getTime() <= Date.now()) throw new InvitationExpiredError();
    return invitation;
  }

  private invitationMail(organization: Organization, role: OrganizationRole, token: string, inviter?: string) {
    const name = this.config.instance.name;
    const base = this.config.http.appUrl.replace(/\/+$/, '');
    return composeMail({
      subject: `You are invited to join ${organization.name} on ${name}`,
      intro: [
        `${inviter ?? 'Someone'} invited you to join the organization ${organization.name} (@${organization.slug}) ` +
          `on ${name} as ${ROLE_NAMES[role]}.`,
      ],
      action: { label: `Join ${organization.name}`, url: `${base}/invitations/${token}` },
      outro: [
        `Sign in with this email address to accept. The link works once and expires in ${INVITATION_TTL_DAYS} days.`,
        'If you were not expecting this, ignore this email.',
      ],
      footer: `${name} · ${base}`,
    });
  }
}

const ROLE_NAMES: Record<OrganizationRole, string> = {
  owner: 'an Owner',
  admin: 'an Admin',
  member: 'a Member',
  viewer: 'a Viewer',
};

export function invitationStatus(invitation: OrganizationInvitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

function toInvitationView(invitation: OrganizationInvitation, now: Date): OrganizationInvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** `a***@example.org`: enough to recognise one's own address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
