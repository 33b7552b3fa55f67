import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, CurrentUser, OptionalPrincipal } from '../auth/current-principal.decorator';
import { userIdOf, type Principal, type UserPrincipal } from '../auth/principal';
import { ApiPlanLimitResponse } from '../billing/plan-limit-response';
import { ErrorResponse } from '../common/errors/error-envelope';
import {
  AllowOrganizationTokens,
  Authenticated,
  PeopleOnly,
  Public,
  SessionOnly,
} from '../common/security/route-policy';
import { AnyBlueprintIdPipe, WritableBlueprintIdPipe } from './blueprint-id.pipe';
import { BlueprintReadsService } from './blueprint-reads.service';
import { revisionFromIfMatch } from './blueprint-views';
import { sendReadDetail, withEtag } from './detail-response';
import { blueprintTag, declareCacheTags } from '../http-cache/cache-tags';
import { BlueprintsService } from './blueprints.service';
import { EXPORT_HEADERS, sendDownload } from './download-response';
import {
  BlueprintReadQuery,
  CreateBlueprintRequest,
  DownloadRequest,
  ExportQuery,
  ForkRequest,
  ImportBlueprintRequest,
  PublishRequest,
  RenderRequest,
  UpdateBlueprintRequest,
  TransferRequest,
} from './dto/blueprint-requests.dto';
import {
  BlueprintDetail,
  FavoriteState,
  ImportedBlueprint,
  RenderedFile,
  VariableList,
} from './dto/blueprint-responses.dto';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED',
};

@ApiTags('blueprints')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'BLUEPRINT_NOT_FOUND (also for others’ private ones)' })
@ApiForbiddenResponse({
  type: ErrorResponse,
  description:
    'REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: ' +
    'FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas ' +
    'over its limit',
})
@ApiPlanLimitResponse(
  'privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving ' +
    'one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more)',
)
@Controller('api/v1/blueprints')
@AllowOrganizationTokens()
export class BlueprintsController {
  constructor(
    private readonly blueprints: BlueprintsService,
    private readonly reads: BlueprintReadsService,
  ) {}

  @Post()
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({ type: BlueprintDetail })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'SECRET_DETECTED, FINDINGS_NOT_ACKNOWLEDGED, CONTENT_INVALID_ENCODING, CONTENT_TOO_MANY_LINES, SCAN_TIMEOUT, …',
  })
  async create(
    @Body() body: CreateBlueprintRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.create(principal, body));
  }

  @Post('import')
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({
    type: ImportedBlueprint,
    description: 'The file’s format is detected (or given) and its frontmatter read; the detection says how',
  })
  async import(
    @Body() body: ImportBlueprintRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportedBlueprint> {
    return withEtag(response, await this.blueprints.importFile(principal, body));
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: BlueprintDetail, description: 'The published version; its owner gets the draft' })
  async get(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Query() query: BlueprintReadQuery,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return sendReadDetail(response, await this.reads.get(id, principal, query.version));
  }

  @Patch(':id')
  @Authenticated('blueprints:write')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: BlueprintDetail, description: 'New content makes a new version' })
  @ApiPreconditionFailedResponse({ type: ErrorResponse, description: 'PRECONDITION_FAILED' })
  async update(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Body() body: UpdateBlueprintRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.update(principal, id, revisionFromIfMatch(ifMatch), body));
  }

  @Delete(':id')
  @Authenticated('blueprints:write')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Deleted; a tombstone remains so peers remove their copies' })
  async delete(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.blueprints.delete(principal, id, revisionFromIfMatch(ifMatch));
  }

  @Post(':id/publish')
  @Authenticated('blueprints:write')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: BlueprintDetail })
  async publish(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Body() body: PublishRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    const detail = await this.blueprints.publish(
      principal,
      id,
      revisionFromIfMatch(ifMatch),
      body.version,
      body.acknowledgedFindings,
    );
    return withEtag(response, detail);
  }

  @Post(':id/unpublish')
  @Authenticated('blueprints:write')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: BlueprintDetail })
  async unpublish(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.unpublish(principal, id, revisionFromIfMatch(ifMatch)));
  }

  @Post(':id/strip-invisible')
  @Authenticated('blueprints:write')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: BlueprintDetail, description: 'A new version without invisible characters' })
  async stripInvisible(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.stripInvisible(principal, id, revisionFromIfMatch(ifMatch)));
  }

  @Put(':id/favorite')
  @Authenticated('blueprints:write')
  @PeopleOnly()
  @ApiOkResponse({ type: FavoriteState })
  favorite(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @CurrentUser() principal: UserPrincipal,
  ): Promise<FavoriteState> {
    return this.blueprints.setFavorite(principal, id, true);
  }

  @Delete(':id/favorite')
  @Authenticated('blueprints:write')
  @PeopleOnly()
  @ApiOkResponse({ type: FavoriteState })
  unfavorite(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @CurrentUser() principal: UserPrincipal,
  ): Promise<FavoriteState> {
    return this.blueprints.setFavorite(principal, id, false);
  }

  @Post(':id/transfer')
  @Authenticated('blueprints:write')
  @SessionOnly()
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: BlueprintDetail,
    description:
      'Gives the blueprint to an organization you administer, or takes one of its blueprints into your account; ' +
      'the id, versions, forks and favourites stay',
  })
  async transfer(
    @Param('id', WritableBlueprintIdPipe) id: string,
    @Body() body: TransferRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.transfer(principal, id, revisionFromIfMatch(ifMatch), body));
  }

  @Post(':id/fork')
  @Authenticated('blueprints:write')
  @ApiCreatedResponse({
    type: BlueprintDetail,
    description: 'A private copy in your account (or the organization named), with attribution',
  })
  async fork(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Body() body: ForkRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return withEtag(response, await this.blueprints.fork(principal, id, body.name, body.organization));
  }

  @Get(':id/raw')
  @Public()
  @ApiProduces('text/markdown', 'application/json', 'application/yaml')
  @ApiOkResponse({ description: 'The published content in its native type', schema: { type: 'string' } })
  async raw(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Req() request: Request,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const raw = await this.reads.raw(id, principal, request.headers['if-none-match']);
    response.setHeader('ETag', raw.etag);
    // A private blueprint's published content reaches only its owner: no shared cache may keep it.
    response.setHeader('Cache-Control', raw.shared ? 'public, max-age=60, must-revalidate' : 'private, no-cache');
    response.setHeader('Vary', 'Cookie, Authorization');
    response.setHeader('Access-Control-Allow-Origin', '*');
    declareCacheTags(response, [blueprintTag(id)]);
    if (raw.content === undefined) {
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Type', raw.mediaType);
    response.send(raw.content);
  }

  @Get(':id/variables')
  @Public()
  @ApiOkResponse({ type: VariableList })
  variables(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<VariableList> {
    return this.reads.variables(id, principal);
  }

  @Post(':id/render')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RenderedFile, description: 'Filled and converted; nothing is stored' })
  render(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Body() body: RenderRequest,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<RenderedFile> {
    return this.reads.render(id, principal, body);
  }

  @Post(':id/download')
  @Public()
  @HttpCode(200)
  @ApiProduces('text/markdown', 'application/json', 'application/yaml', 'application/zip')
  @ApiOkResponse({
    description:
      'The file for the chosen tool with its variables filled (as by render), as an attachment; counted as a download',
    schema: { type: 'string', format: 'binary' },
    headers: EXPORT_HEADERS,
  })
  async download(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Body() body: DownloadRequest,
    @Req() request: Request,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendDownload(
      response,
      await this.reads.download(id, principal, body, { userId: userIdOf(principal), ip: request.ip }),
    );
  }

  @Get(':id/export')
  @Public()
  @ApiProduces('text/markdown', 'application/json', 'application/yaml', 'application/zip')
  @ApiOkResponse({
    description: 'The file for the chosen tool, as an attachment',
    schema: { type: 'string' },
    headers: EXPORT_HEADERS,
  })
  async export(
    @Param('id', AnyBlueprintIdPipe) id: string,
    @Query() query: ExportQuery,
    @Req() request: Request,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendDownload(
      response,
      await this.reads.export(id, principal, query, { userId: userIdOf(principal), ip: request.ip }),
    );
  }
}
