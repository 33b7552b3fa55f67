import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentSession } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../common/security/route-policy';
import {
  ChangeRoleRequest,
  CreateInvitationRequest,
  CreateOrganizationRequest,
  InvitationAccepted,
  InvitationListQuery,
  InvitationPreview,
  MemberList,
  MemberView,
  OrganizationInvitationList,
  OrganizationInvitationView,
  OrganizationList,
  OrganizationView,
  UpdateOrganizationRequest,
} from './dto/organizations.dto';
import { OrganizationInvitationsService } from './invitations.service';
import { OrganizationsService } from './organizations.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

const NOT_FOUND = 'ORGANIZATION_NOT_FOUND: no such organization, or you are not a member';
const ROLE = 'ORGANIZATION_ROLE_REQUIRED: your role does not allow this';
const REAUTHENTICATION = 'REAUTHENTICATION_REQUIRED: sign in again first; ' + ROLE;

/** Organization management: browser sessions only (API tokens never manage organizations). */
@ApiTags('organizations')
@Controller()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly invitations: OrganizationInvitationsService,
  ) {}

  @Post('api/v1/organizations')
  @Authenticated()
  @SessionOnly()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OrganizationView, description: 'Created; you are its Owner' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'ORGANIZATION_CREATION_DISABLED (ORGANIZATION_CREATION)' })
  @ApiPlanLimitResponse('organizations: you own as many organizations as your plan allows')
  @ApiConflictResponse({ type: ErrorResponse, description: 'HANDLE_TAKEN: a user or an organization has this name' })
  create(
    @Body() body: CreateOrganizationRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationView> {
    return this.organizations.create(request, session, body);
  }

  @Get('api/v1/organizations')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: OrganizationList, description: 'Your organizations, with your role in each' })
  async list(@CurrentSession() session: SessionPrincipal): Promise<OrganizationList> {
    return { items: await this.organizations.listMine(session) };
  }

  @Get('api/v1/organizations/:slug')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  get(@Param('slug') slug: string, @CurrentSession() session: SessionPrincipal): Promise<OrganizationView> {
    return this.organizations.get(slug, session);
  }

  @Patch('api/v1/organizations/:slug')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiConflictResponse({ type: ErrorResponse, description: 'HANDLE_TAKEN' })
  update(
    @Param('slug') slug: string,
    @Body() body: UpdateOrganizationRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationView> {
    return this.organizations.update(request, slug, session, body);
  }

  @Delete('api/v1/organizations/:slug')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its blueprints (tombstoned for peers), tokens and invitations' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  @ApiForbiddenResponse({ type: ErrorResponse, description: REAUTHENTICATION })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'BILLING_SUBSCRIPTION_RENEWS: cancel the organization’s subscription first',
  })
  async delete(
    @Param('slug') slug: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.organizations.delete(request, slug, session);
  }

  @Get('api/v1/organizations/:slug/members')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: MemberList })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  async members(@Param('slug') slug: string, @CurrentSession() session: SessionPrincipal): Promise<MemberList> {
    return { items: await this.organizations.members(slug, session) };
  }

  @Patch('api/v1/organizations/:slug/members/:member')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: MemberView, description: 'The member is a handle or a user id' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: `${NOT_FOUND}; MEMBER_NOT_FOUND` })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiConflictResponse({ type: ErrorResponse, description: 'LAST_OWNER: the last Owner cannot be demoted' })
  changeRole(
    @Param('slug') slug: string,
    @Param('member') member: string,
    @Body() body: ChangeRoleRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<MemberView> {
    return this.organizations.changeRole(request, slug, session, member, body.role);
  }

  @Delete('api/v1/organizations/:slug/members/:member')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed (or, for yourself, left). The member is a handle or a user id' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: `${NOT_FOUND}; MEMBER_NOT_FOUND` })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiConflictResponse({ type: ErrorResponse, description: 'LAST_OWNER: the last Owner cannot leave' })
  async removeMember(
    @Param('slug') slug: string,
    @Param('member') member: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.organizations.removeMember(request, slug, session, member);
  }

  @Post('api/v1/organizations/:slug/invitations')
  @Authenticated()
  @SessionOnly()
  @HttpCode(201)
  @ApiCreatedResponse({
    type: OrganizationInvitationView,
    description: 'Mailed; replaces a pending one to the address',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  @ApiPlanLimitResponse(
    'seats: members, pending invitations and this one would exceed the plan (details.used counts both)',
  )
  @ApiConflictResponse({ type: ErrorResponse, description: 'ALREADY_MEMBER' })
  invite(
    @Param('slug') slug: string,
    @Body() body: CreateInvitationRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationInvitationView> {
    return this.invitations.invite(request, slug, session, body);
  }

  @Get('api/v1/organizations/:slug/invitations')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: OrganizationInvitationList, description: 'Newest first; pending only unless status=all' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  async invitationList(
    @Param('slug') slug: string,
    @Query() query: InvitationListQuery,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<OrganizationInvitationList> {
    return { items: await this.invitations.list(slug, session, query.status ?? 'pending') };
  }

  @Delete('api/v1/organizations/:slug/invitations/:id')
  @Authenticated()
  @SessionOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the link no longer works' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: `${NOT_FOUND}; INVITATION_NOT_FOUND` })
  @ApiForbiddenResponse({ type: ErrorResponse, description: ROLE })
  async revoke(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.invitations.revoke(request, slug, session, id);
  }

  @Get('api/v1/invitations/:token')
  @Authenticated()
  @SessionOnly()
  @ApiOkResponse({ type: InvitationPreview })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'INVITATION_NOT_FOUND: unknown, revoked or used' })
  @ApiGoneResponse({ type: ErrorResponse, description: 'INVITATION_EXPIRED' })
  preview(@Param('token') token: string, @CurrentSession() session: SessionPrincipal): Promise<InvitationPreview> {
    return this.invitations.preview(token, session);
  }

  @Post('api/v1/invitations/:token/accept')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationAccepted, description: 'You are now a member' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'INVITATION_NOT_FOUND: unknown, revoked or used' })
  @ApiGoneResponse({ type: ErrorResponse, description: 'INVITATION_EXPIRED' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'INVITATION_EMAIL_MISMATCH: sign in as the invited, verified address',
  })
  @ApiPlanLimitResponse(
    "seats: the organization's plan has no seat left for a new member (the invitation stays pending)",
  )
  @ApiConflictResponse({ type: ErrorResponse, description: 'ALREADY_MEMBER' })
  async accept(
    @Param('token') token: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<InvitationAccepted> {
    return { organization: await this.invitations.accept(request, token, session) };
  }
}
