import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { blueprintCacheTags } from '../blueprints/blueprint-cache-tags';
import { PageQuery } from '../blueprints/dto/blueprint-requests.dto';
import { BlueprintPage } from '../blueprints/dto/blueprint-responses.dto';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
import { authorTag, CATALOGUE_TAG, declareCacheTags } from '../http-cache/cache-tags';
import { Profile } from './profiles.dto';
import { ProfilesService } from './profiles.service';

// The same for every caller, like the catalogue: shared caches (ours included) may keep an answer briefly.
const SHARED_BRIEFLY = 'public, max-age=0, s-maxage=10';

@ApiTags('profiles')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'PROFILE_NOT_FOUND: no user or organization has it' })
@Controller('api/v1/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':handle')
  @Public()
  @Header('Cache-Control', SHARED_BRIEFLY)
  @ApiOkResponse({ type: Profile, description: 'A user or an organization, with counts of its listed blueprints' })
  async profile(@Param('handle') handle: string, @Res({ passthrough: true }) response: Response): Promise<Profile> {
    const profile = await this.profiles.profile(handle);
    declareCacheTags(response, [authorTag(handle)]);
    return profile;
  }

  @Get(':handle/blueprints')
  @Public()
  @Header('Cache-Control', SHARED_BRIEFLY)
  @ApiOkResponse({ type: BlueprintPage, description: 'Its listed blueprints, newest first; keyset pagination' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'INVALID_CURSOR or INVALID_LIMIT' })
  async blueprints(
    @Param('handle') handle: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BlueprintPage> {
    const page = await this.profiles.blueprints(handle, query.cursor, query.limit);
    declareCacheTags(response, [CATALOGUE_TAG, authorTag(handle), ...blueprintCacheTags(page.items)]);
    return page;
  }
}
