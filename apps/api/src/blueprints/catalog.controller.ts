import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal, UserPrincipal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Authenticated, Public } from '../common/security/route-policy';
import { listFormats, parseVariables } from '@lynxprompt/formats';
import { CATALOGUE_TAG, declareCacheTags, TRENDING_TAG } from '../http-cache/cache-tags';
import { scanContent } from '../scanning';
import { blueprintCacheTags } from './blueprint-cache-tags';
import { checkContent } from './blueprint-rules';
import { CatalogService } from './catalog.service';
import { CatalogQuery, PageQuery, ScanRequest } from './dto/blueprint-requests.dto';
import { BlueprintPage, FormatList, ScanResult } from './dto/blueprint-responses.dto';

@ApiTags('catalogue')
@Controller('api/v1')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('blueprints')
  @Public()
  // The same for every caller: shared caches (ours included) may keep a page briefly; browsers ask again each time.
  @Header('Cache-Control', 'public, max-age=0, s-maxage=10')
  @ApiOkResponse({ type: BlueprintPage, description: 'Public, published blueprints; keyset pagination' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'INVALID_CURSOR, INVALID_LIMIT, UNKNOWN_KIND, UNKNOWN_TOOL, UNKNOWN_FORMAT, UNKNOWN_SORT, ' +
      'SEARCH_QUERY_TOO_COMPLEX, INVALID_SEARCH_FILTER, …',
  })
  async search(@Query() query: CatalogQuery, @Res({ passthrough: true }) response: Response): Promise<BlueprintPage> {
    const page = await this.catalog.search(query);
    // Dropped at once when a blueprint it shows changes; new ones appear when it expires.
    declareCacheTags(response, [
      CATALOGUE_TAG,
      ...(query.sort === 'trending' ? [TRENDING_TAG] : []),
      ...blueprintCacheTags(page.items),
    ]);
    return page;
  }

  @Get('me/blueprints')
  @Authenticated('blueprints:read')
  @ApiOkResponse({ type: BlueprintPage, description: 'All of yours, drafts and private ones too; latest change first' })
  mine(@Query() query: PageQuery, @CurrentUser() principal: UserPrincipal): Promise<BlueprintPage> {
    return this.catalog.mine(principal, query.cursor, query.limit);
  }

  @Get('me/favorites')
  @Authenticated('blueprints:read')
  @ApiOkResponse({ type: BlueprintPage })
  favorites(@Query() query: PageQuery, @CurrentUser() principal: UserPrincipal): Promise<BlueprintPage> {
    return this.catalog.favorites(principal, query.cursor, query.limit);
  }

  @Get('organizations/:slug/blueprints')
  @Public()
  // The answer depends on who asks: never kept by a shared cache.
  @Header('Cache-Control', 'private, no-cache')
  @ApiOkResponse({
    type: BlueprintPage,
    description:
      "An organization's blueprints as far as the caller may read them: all of them for its authors and its tokens " +
      'with blueprints:read, team, unlisted and public ones for Viewers, listed ones for anyone else',
  })
  organizationBlueprints(
    @Param('slug') slug: string,
    @Query() query: PageQuery,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<BlueprintPage> {
    return this.catalog.ofOrganization(slug, principal, query.cursor, query.limit);
  }

  @Get('formats')
  @Public()
  @ApiOkResponse({ type: FormatList, description: 'Every tool format blueprints import from and export to' })
  formats(): FormatList {
    return {
      items: listFormats().map(({ id, tool, toolName, label, kinds, path, syntax, mediaType, docsUrl }) => ({
        id,
        tool,
        toolName,
        label,
        kinds: [...kinds],
        path,
        syntax,
        mediaType,
        ...(docsUrl ? { docsUrl } : {}),
      })),
    };
  }

  @Post('scan')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({
    type: ScanResult,
    description: 'Secrets, hidden instructions and variables in a draft; stores nothing',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'SCAN_TIMEOUT: the scan ran out of WORKER_TASK_TIMEOUT_MS (details.budgetMs)',
  })
  async scan(@Body() body: ScanRequest): Promise<ScanResult> {
    const { content } = checkContent(body.content);
    const report = await scanContent(content);
    return { ...report, variables: parseVariables(content) };
  }
}
