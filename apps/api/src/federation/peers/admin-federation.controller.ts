import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentSession } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { requestContext } from '../../auth/sessions/session.service';
import { AdminOnly } from '../../users/admin-only';
import {
  DomainRequest,
  DomainRuleList,
  DomainRuleRequest,
  DomainRuleView,
  FederationSettingsRequest,
  FederationSettingsView,
  PeerDetail,
  PeerList,
  PeerView,
} from './dto/peer.dto';
import { hostOf } from './domain-name';
import { crawlRunView, domainRuleView, peerView } from './peer-views';
import type { PeerRow } from './peers.repository';
import { DomainRuleNotFoundError, PeerNotFoundError } from './peers.errors';
import { PeersService } from './peers.service';

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;
// Ids are uuid columns: anything else names no row (and would otherwise reach PostgreSQL as a cast error, a 500).
const PEER_ID = new ParseUUIDPipe({ exceptionFactory: () => new PeerNotFoundError() });
const DOMAIN_RULE_ID = new ParseUUIDPipe({ exceptionFactory: () => new DomainRuleNotFoundError() });
const actorOf = (session: SessionPrincipal) => ({ type: 'user' as const, id: session.userId });
const settingsView = (settings: { allowlistMode: boolean; acceptRegistrations: boolean }) => ({
  allowlistMode: settings.allowlistMode,
  acceptRegistrations: settings.acceptRegistrations,
});

@ApiTags('admin')
@Controller('api/v1/admin/federation')
export class AdminFederationController {
  constructor(private readonly peers: PeersService) {}

  /** A peer as admins see it, with what the domain rules say about it now. */
  private async viewOf(peer: PeerRow): Promise<PeerView> {
    return peerView(peer, await this.peers.verdict(hostOf(peer.domain)));
  }

  @Get('peers')
  @AdminOnly()
  @ApiOkResponse({ type: PeerList })
  async list(): Promise<PeerList> {
    const rows = await this.peers.overview();
    return { items: rows.map(({ peer, verdict, latestRun }) => peerView(peer, verdict, latestRun)) };
  }

  @Post('peers')
  @AdminOnly()
  @HttpCode(201)
  @ApiCreatedResponse({ type: PeerView, description: 'Added and verified at once; status says how that went' })
  async add(
    @Body() body: DomainRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<PeerView> {
    const peer = await this.peers.add(actorOf(session), body.domain, requestContext(request));
    return this.viewOf(peer);
  }

  @Get('peers/:id')
  @AdminOnly()
  @ApiOkResponse({ type: PeerDetail, description: 'The peer and its latest crawl runs' })
  async detail(@Param('id', PEER_ID) id: string): Promise<PeerDetail> {
    const { peer, runs, verdict } = await this.peers.detail(id);
    return { peer: peerView(peer, verdict), runs: runs.map(crawlRunView) };
  }

  @Post('peers/:id/crawl')
  @AdminOnly()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PeerView, description: 'A crawl is queued (suspended peers too)' })
  async crawl(
    @Param('id', PEER_ID) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<PeerView> {
    const peer = await this.peers.crawlNow(actorOf(session), id, requestContext(request));
    return this.viewOf(peer);
  }

  @Post('peers/:id/approve-key')
  @AdminOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: PeerView, description: 'The changed key is pinned and crawling resumes' })
  async approveKey(
    @Param('id', PEER_ID) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<PeerView> {
    const peer = await this.peers.approveKey(actorOf(session), id, requestContext(request));
    return this.viewOf(peer);
  }

  @Delete('peers/:id')
  @AdminOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Forgotten, with everything held from it (it may register again)' })
  async remove(
    @Param('id', PEER_ID) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.peers.remove(actorOf(session), id, requestContext(request));
  }

  @Get('domain-rules')
  @AdminOnly()
  @ApiOkResponse({ type: DomainRuleList })
  async rules(): Promise<DomainRuleList> {
    return { items: (await this.peers.listRules()).map(domainRuleView) };
  }

  @Post('domain-rules')
  @AdminOnly()
  @HttpCode(201)
  @ApiCreatedResponse({ type: DomainRuleView, description: 'Set (or replaced) and applied to every peer at once' })
  async addRule(
    @Body() body: DomainRuleRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<DomainRuleView> {
    return domainRuleView(await this.peers.addRule(actorOf(session), body, requestContext(request)));
  }

  @Delete('domain-rules/:id')
  @AdminOnly()
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeRule(
    @Param('id', DOMAIN_RULE_ID) id: string,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<void> {
    await this.peers.removeRule(actorOf(session), id, requestContext(request));
  }

  @Get('settings')
  @AdminOnly()
  @ApiOkResponse({ type: FederationSettingsView })
  async settings(): Promise<FederationSettingsView> {
    return settingsView(await this.peers.settings());
  }

  @Patch('settings')
  @AdminOnly()
  @ApiOkResponse({ type: FederationSettingsView })
  async updateSettings(
    @Body() body: FederationSettingsRequest,
    @Req() request: Request,
    @CurrentSession() session: SessionPrincipal,
  ): Promise<FederationSettingsView> {
    return settingsView(await this.peers.updateSettings(actorOf(session), body, requestContext(request)));
  }
}
