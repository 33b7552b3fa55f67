import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import { AllowOrganizationTokens, Authenticated, Public } from '../common/security/route-policy';
import { AnyBlueprintIdPipe, BlueprintIdPipe, VersionNumberPipe, WritableBlueprintIdPipe } from './blueprint-id.pipe';
import { BlueprintReadsService } from './blueprint-reads.service';
import { etagOf, revisionFromIfMatch } from './blueprint-views';
import { BlueprintsService } from './blueprints.service';
import { AttachedFileQuery, DiffQuery, RestoreRequest } from './dto/blueprint-requests.dto';
import { BlueprintDetail, VersionDetail, VersionDiff, VersionList } from './dto/blueprint-responses.dto';

/** Others asking for a held-back version hear VERSION_NOT_FOUND: they cannot change the owner's plan. */
const HELD_BACK =
  "versionHistory (to the blueprint's owner: the version is older than the newest versions the plan lists; it is " +
  'kept, and listed again after an upgrade)';

@ApiTags('blueprint versions')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'BLUEPRINT_NOT_FOUND or VERSION_NOT_FOUND' })
@Controller('api/v1/blueprints/:id')
@AllowOrganizationTokens()
export class BlueprintVersionsController {
  constructor(
    private readonly blueprints: BlueprintsService,
    private readonly reads: BlueprintReadsService,
  ) {}

  @Get('versions')
  @Public()
  @ApiOkResponse({
    type: VersionList,
    description:
      "Newest first; others see only versions that were published; the owner's plan may hold older ones back " +
      '(heldBackByPlan)',
  })
  list(@Param('id', BlueprintIdPipe) id: string, @OptionalPrincipal() principal?: Principal): Promise<VersionList> {
    return this.reads.versions(id, principal);
  }

  @Get('versions/:number')
  @Public()
  @ApiOkResponse({ type: VersionDetail })
  @ApiPlanLimitResponse(HELD_BACK)
  get(
    @Param('id', BlueprintIdPipe) id: string,
    @Param('number', VersionNumberPipe) number: number,
    @OptionalPrincipal() principal?: Principal,
  ): Promise<VersionDetail> {
    return this.reads.version(id, number, principal);
  }

  @Get('files')
  @Public()
  @ApiProduces('text/plain', 'application/octet-stream')
  @ApiOkResponse({
    description:
      'One attached file of a skill, as stored: text/plain (utf8 files) or application/octet-stream (base64 files)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'BLUEPRINT_NOT_FOUND, VERSION_NOT_FOUND, ATTACHED_FILE_NOT_FOUND',
  })
  @ApiPlanLimitResponse(HELD_BACK)
  async file(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Query() query: AttachedFileQuery,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const number = query.version === undefined ? undefined : Number(query.version);
    const file = await this.reads.file(id, query.path, number, principal);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/[^\x20-\x7e]|["\\]/g, '_');
    response.setHeader(
      'Content-Type',
      file.encoding === 'base64' ? 'application/octet-stream' : 'text/plain; charset=utf-8',
    );
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.setHeader('Cache-Control', 'private, no-cache');
    response.setHeader('ETag', `"${file.contentHash}"`);
    response.send(file.content);
  }

  @Get('diff')
  @Public()
  @ApiOkResponse({ type: VersionDiff, description: 'Unified diff from one version to another' })
  @ApiPlanLimitResponse(HELD_BACK)
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'DIFF_TOO_LARGE: the versions differ by more than DIFF_MAX_EDITS inserted and removed lines (details.maxEdits), ' +
      'or the diff ran out of WORKER_TASK_TIMEOUT_MS (details.budgetMs)',
  })
  diff(
    @Param('id', BlueprintIdPipe) id: string,
    @Query() query: DiffQuery,
    @OptionalPrincipal() principal?: Principal,
  ): Promise<VersionDiff> {
    return this.reads.diff(id, Number(query.from), Number(query.to), principal);
  }

  @Post('versions/:number/restore')
  @Authenticated('blueprints:write')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: BlueprintDetail, description: 'The old content as a new version' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'REMOTE_BLUEPRINT_READ_ONLY for rb_… ids' })
  @ApiPlanLimitResponse(
    `${HELD_BACK}; privateBlueprints (the owner is over it); storageBytes (the restored version is stored again)`,
  )
  async restore(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Param('number', VersionNumberPipe) number: number,
    @Body() body: RestoreRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    const detail = await this.blueprints.restore(principal, id, revisionFromIfMatch(ifMatch), number, body);
    response.setHeader('ETag', etagOf(detail.revision));
    return detail;
  }
}
