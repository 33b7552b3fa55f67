import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../../common/errors/error-envelope';
import { OptionalPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Public } from '../../common/security/route-policy';
import { UsersService } from '../../users/users.service';
import { DomainRequest, InstanceDirectory, RegistryAnswer, RegistryInstanceList } from './dto/peer.dto';
import { directoryEntryOf, registryInstanceOf } from './peer-views';
import { PeersService } from './peers.service';

/** What other instances (and anyone) may ask: the reference registry's endpoints and the instance directory. */
@ApiTags('federation')
@Controller('api/v1/federation')
export class RegistryController {
  constructor(
    private readonly peers: PeersService,
    private readonly users: UsersService,
  ) {}

  /** Only an admin's own session sees why a verification failed; anyone else gets the generic reason. */
  private async isAdmin(principal: Principal | undefined): Promise<boolean> {
    if (principal?.kind !== 'session' || principal.state !== 'active') return false;
    return this.users.requireAdmin(principal.userId).then(
      () => true,
      () => false,
    );
  }

  @Post('register')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: RegistryAnswer, description: 'The domain verified: its manifest names it, over https' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'INVALID_PEER_DOMAIN; 403 REGISTRATIONS_CLOSED, DOMAIN_BLOCKED; 422 PEER_VERIFICATION_FAILED (anonymous callers: a generic reason)',
  })
  async register(
    @Body() body: DomainRequest,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<RegistryAnswer> {
    return this.peers.register(body.domain, await this.isAdmin(principal));
  }

  @Post('heartbeat')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: RegistryAnswer })
  @ApiBadRequestResponse({ type: ErrorResponse, description: '404 PEER_NOT_REGISTERED; 422 PEER_VERIFICATION_FAILED' })
  async heartbeat(
    @Body() body: DomainRequest,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<RegistryAnswer> {
    return this.peers.heartbeat(body.domain, await this.isAdmin(principal));
  }

  @Get('instances')
  @Public()
  @ApiQuery({ name: 'active', required: false, description: '`true`: only instances seen in the last 24 hours' })
  @ApiOkResponse({ type: RegistryInstanceList })
  async instances(@Query('active') active?: string): Promise<RegistryInstanceList> {
    const peers = await this.peers.directory(active === 'true');
    return { instances: peers.map(registryInstanceOf) };
  }

  @Get('peers')
  @Public()
  @ApiOkResponse({ type: InstanceDirectory, description: 'The instances whose blueprints this one shows' })
  async directory(): Promise<InstanceDirectory> {
    const peers = await this.peers.directory();
    return { items: peers.map(directoryEntryOf) };
  }
}
