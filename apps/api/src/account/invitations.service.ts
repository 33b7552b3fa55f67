import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { requestContext } from '../auth/sessions/session.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { composeMail } from '../mail/mail-layout';
import { MailService } from '../mail/mail.service';
import { UsersService } from '../users/users.service';

/** Invitations let an address sign up while ENABLE_REGISTRATION=false. Only admins hand them out. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(request: Request, principal: UserPrincipal, email: string): Promise<{ email: string; createdAt: Date }> {
    const inviter = await this.users.requireAdmin(principal.userId);
    const invitation = await this.users.invite(email, inviter.id);
    await this.audit.record(
      { type: 'user', id: inviter.id },
      'admin.invitation_created',
      null,
      requestContext(request),
    );
    const name = this.config.instance.name;
    const base = this.config.http.appUrl.replace(/\/+$/, '');
    this.mail.dispatch(
      {
        to: invitation.email,
        ...composeMail({
          subject: `You are invited to ${name}`,
          intro: [`You have been invited to create an account on ${name}.`],
          action: { label: `Sign in to ${name}`, url: `${base}/sign-in` },
          outro: [
            'Sign in with this email address to create your account. If you were not expecting this, ignore this email.',
          ],
          footer: `${name} · ${base}`,
        }),
      },
      'invitation',
    );
    return { email: invitation.email, createdAt: invitation.createdAt };
  }
}
