import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { Public } from '../../common/security/route-policy';
import { declareCacheTags, FEDERATION_CATALOGUE_TAG } from '../../http-cache/cache-tags';
import { SIGNATURE_HEADER } from '../signature';
import { FederationCataloguePage, FederationCatalogueQuery, FederationOffsetPage } from './catalogue.dto';
import { FederationCatalogueService } from './catalogue.service';

@ApiTags('federation')
@ApiExtraModels(FederationCataloguePage, FederationOffsetPage)
@Controller('api/v1/federation')
export class FederationCatalogueController {
  constructor(private readonly catalogue: FederationCatalogueService) {}

  @Get('blueprints')
  @Public()
  @ApiOkResponse({
    description:
      'Public blueprints for peers: incremental pages with tombstones, or with `offset` the reference product’s ' +
      'shape. Signed with the LynxPrompt-Signature header; strong ETag, 304 on If-None-Match.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(FederationCataloguePage) }, { $ref: getSchemaPath(FederationOffsetPage) }],
    },
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'INVALID_CURSOR, INVALID_LIMIT, INVALID_UPDATED_SINCE, INVALID_OFFSET',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'FEDERATION_DISABLED' })
  async blueprints(
    @Query() query: FederationCatalogueQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The signature covers the path and query exactly as the client sent them.
    const page = await this.catalogue.page(query, request.originalUrl, request.headers['if-none-match']);
    // Any origin may read it; shared caches (ours included) may keep a page briefly, browsers ask again each time.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cache-Control', 'public, max-age=0, s-maxage=10');
    response.setHeader('ETag', page.etag);
    // Peers read it a few times per crawl, so only freshness matters: every write that peers see drops it.
    declareCacheTags(response, [FEDERATION_CATALOGUE_TAG]);
    if (page.status === 304) {
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader(SIGNATURE_HEADER, page.signature);
    response.status(200).send(page.body);
  }
}
