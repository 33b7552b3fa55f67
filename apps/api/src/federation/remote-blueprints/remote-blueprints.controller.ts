import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentSession } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Authenticated, SessionOnly } from '../../common/security/route-policy';
import { RemoteBlueprintModeration } from './remote-blueprints.dto';
import { RemoteBlueprintsService } from './remote-blueprints.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

@ApiTags('admin')
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: only admins moderate remote blueprints' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'BLUEPRINT_NOT_FOUND' })
@Controller('api/v1/admin/federation/remote-blueprints')
export class RemoteBlueprintsAdminController {
  constructor(private readonly remote: RemoteBlueprintsService) {}

  @Post(':id/hide')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RemoteBlueprintModeration, description: 'Out of listings; 404 to everyone but admins' })
  hide(
    @Param('id') id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<RemoteBlueprintModeration> {
    return this.remote.hide(request, session, id);
  }

  @Post(':id/unhide')
  @Authenticated()
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RemoteBlueprintModeration, description: 'Listed again when its peer is listed' })
  unhide(
    @Param('id') id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<RemoteBlueprintModeration> {
    return this.remote.unhide(request, session, id);
  }
}
