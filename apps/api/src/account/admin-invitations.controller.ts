import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import { InvitationRequest, InvitationView } from './account.dto';
import { InvitationsService } from './invitations.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('admin')
@Controller()
export class AdminInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('api/v1/admin/invitations')
  @Authenticated()
  @SessionOnly()
  @HttpCode(201)
  @ApiCreatedResponse({ type: InvitationView, description: 'The address may now sign up; an invitation is mailed' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: only admins invite' })
  async invite(
    @Body() body: InvitationRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<InvitationView> {
    const invitation = await this.invitations.invite(request, session, body.email);
    return { email: invitation.email, createdAt: invitation.createdAt.toISOString() };
  }
}
