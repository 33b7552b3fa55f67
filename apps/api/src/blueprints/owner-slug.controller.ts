import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
import { BlueprintReadsService } from './blueprint-reads.service';
import { sendReadDetail } from './detail-response';
import { BlueprintReadQuery } from './dto/blueprint-requests.dto';
import { BlueprintDetail } from './dto/blueprint-responses.dto';

/**
 * `@handle/slug` as people and tools write it (the CLI's `lynxp pull @owner/slug`, MCP's get_blueprint): one lookup
 * instead of paging through a profile, and it finds what the caller may read that a profile does not list.
 */
@ApiTags('blueprints')
@Controller('api/v1/profiles')
export class OwnerSlugController {
  constructor(private readonly reads: BlueprintReadsService) {}

  @Get(':handle/blueprints/:slug')
  @Public()
  @ApiOkResponse({
    type: BlueprintDetail,
    description: 'The blueprint this account holds under the slug, read as by id',
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'PROFILE_NOT_FOUND, or BLUEPRINT_NOT_FOUND (also for others’ private ones)',
  })
  async get(
    @Param('handle') handle: string,
    @Param('slug') slug: string,
    @Query() query: BlueprintReadQuery,
    @OptionalPrincipal() principal: Principal | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintDetail> {
    return sendReadDetail(response, await this.reads.getByHandleSlug(handle, slug, principal, query.version));
  }
}
