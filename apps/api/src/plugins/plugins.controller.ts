import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { CurrentPrincipal, OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { HierarchyIdPipe } from '../blueprints/blueprint-id.pipe';
import { streamDownload } from '../blueprints/download-response';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import { LOGGER } from '../common/logging/logging.module';
import { AllowOrganizationTokens, Authenticated, Public } from '../common/security/route-policy';
import { ImportPluginRequest, PluginExportQuery, PluginImportResult } from './dto/plugin.dto';
import { PluginsService } from './plugins.service';

@ApiTags('plugins')
@Controller('api/v1')
@AllowOrganizationTokens()
export class PluginsController {
  constructor(
    private readonly plugins: PluginsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('plugins/import')
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({ type: PluginImportResult, description: 'One hierarchy per plugin, each member a blueprint' })
  @ApiPlanLimitResponse('privateBlueprints, storageBytes (nothing is created)')
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'PLUGIN_PATH_INVALID, PLUGIN_FILE_ENCODING' })
  @ApiPayloadTooLargeResponse({
    type: ErrorResponse,
    description: 'PLUGIN_TOO_MANY_FILES, PLUGIN_FILE_TOO_LARGE, PLUGIN_TOO_LARGE',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'PLUGIN_MANIFEST_MISSING, PLUGIN_MANIFEST_INVALID, PLUGIN_MEMBER_REJECTED (nothing is created)',
  })
  import(@Body() body: ImportPluginRequest, @CurrentPrincipal() principal: Principal): Promise<PluginImportResult> {
    return this.plugins.import(principal, body);
  }

  @Get('hierarchies/:id/plugin')
  @Public()
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      'The hierarchy as an installable plugin: marketplace file, plugins/<name>/ with its manifest and members, CONVERSION.md',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'PLUGIN_UNKNOWN_TOOL' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'HIERARCHY_NOT_FOUND' })
  async export(
    @Param('id', HierarchyIdPipe) id: string,
    @Query() query: PluginExportQuery,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await streamDownload(response, await this.plugins.export(id, query.tool, principal), this.logger);
  }
}
