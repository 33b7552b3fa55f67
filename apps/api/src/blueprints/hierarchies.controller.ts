import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { CurrentPrincipal, OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import { LOGGER } from '../common/logging/logging.module';
import { AllowOrganizationTokens, Authenticated, Public, SessionOnly } from '../common/security/route-policy';
import { HierarchyIdPipe } from './blueprint-id.pipe';
import {
  CreateHierarchyRequest,
  HierarchyDetail,
  HierarchyList,
  HierarchyTransferRequest,
  UpdateHierarchyRequest,
} from './dto/hierarchy.dto';
import { HierarchiesService } from './hierarchies.service';
import { CONVERSION_HEADERS, streamDownload } from './download-response';

@ApiTags('hierarchies')
@Controller('api/v1')
@AllowOrganizationTokens()
export class HierarchiesController {
  constructor(
    private readonly hierarchies: HierarchiesService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('hierarchies')
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({ type: HierarchyDetail })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'QUOTA_EXCEEDED: as many hierarchies as your quota allows',
  })
  create(@Body() body: CreateHierarchyRequest, @CurrentPrincipal() principal: Principal): Promise<HierarchyDetail> {
    return this.hierarchies.create(principal, body);
  }

  @Get('me/hierarchies')
  @Authenticated('blueprints:read')
  @ApiOkResponse({ type: HierarchyList })
  async mine(@CurrentPrincipal() principal: Principal): Promise<HierarchyList> {
    return { items: await this.hierarchies.listOwned(principal) };
  }

  @Get('organizations/:slug/hierarchies')
  @Public()
  // The answer depends on who asks: never kept by a shared cache.
  @Header('Cache-Control', 'private, no-cache')
  @ApiOkResponse({
    type: HierarchyList,
    description:
      "An organization's hierarchies as far as the caller sees them: all for its authors, those with a published team " +
      'or listed blueprint for its Viewers, those with a listed one for anyone else',
  })
  async ofOrganization(
    @Param('slug') slug: string,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<HierarchyList> {
    return { items: await this.hierarchies.ofOrganization(slug, principal) };
  }

  @Get('hierarchies/:id')
  @Public()
  @ApiOkResponse({ type: HierarchyDetail })
  get(
    @Param('id', HierarchyIdPipe) id: string,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<HierarchyDetail> {
    return this.hierarchies.get(id, principal);
  }

  @Patch('hierarchies/:id')
  @Authenticated('blueprints:write')
  @ApiOkResponse({ type: HierarchyDetail })
  update(
    @Param('id', HierarchyIdPipe) id: string,
    @Body() body: UpdateHierarchyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HierarchyDetail> {
    return this.hierarchies.update(principal, id, body);
  }

  @Delete('hierarchies/:id')
  @Authenticated('blueprints:write')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The hierarchy goes; its blueprints stay' })
  async delete(@Param('id', HierarchyIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.hierarchies.delete(principal, id);
  }

  @Post('hierarchies/:id/transfer')
  @Authenticated('blueprints:write')
  @SessionOnly()
  @HttpCode(200)
  @ApiOkResponse({
    type: HierarchyDetail,
    description: 'Gives the hierarchy and all its blueprints to an organization you administer, or takes it back',
  })
  @ApiPlanLimitResponse(
    "privateBlueprints, storageBytes: the receiving account's plan must hold the private and team blueprints and " +
      'the bytes that arrive',
  )
  transfer(
    @Param('id', HierarchyIdPipe) id: string,
    @Body() body: HierarchyTransferRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HierarchyDetail> {
    return this.hierarchies.transfer(principal, id, body.organization);
  }

  @Get('hierarchies/:id/archive')
  @Public()
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      'Every file at its repository path, skills with their attached files, and CONVERSION.md (members go out as ' +
      'stored: nothing is converted)',
    schema: { type: 'string', format: 'binary' },
    headers: CONVERSION_HEADERS,
  })
  async archive(
    @Param('id', HierarchyIdPipe) id: string,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await streamDownload(response, await this.hierarchies.archive(id, principal), this.logger);
  }
}
