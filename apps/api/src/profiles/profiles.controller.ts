import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../blueprints/dto/blueprint-requests.dto';
import { BlueprintPage } from '../blueprints/dto/blueprint-responses.dto';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
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
  profile(@Param('handle') handle: string): Promise<Profile> {
    return this.profiles.profile(handle);
  }

  @Get(':handle/blueprints')
  @Public()
  @Header('Cache-Control', SHARED_BRIEFLY)
  @ApiOkResponse({ type: BlueprintPage, description: 'Its listed blueprints, newest first; keyset pagination' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'INVALID_CURSOR or INVALID_LIMIT' })
  blueprints(@Param('handle') handle: string, @Query() query: PageQuery): Promise<BlueprintPage> {
    return this.profiles.blueprints(handle, query.cursor, query.limit);
  }
}
