import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/security/route-policy';
import { declareCacheTags, WELL_KNOWN_TAG } from '../http-cache/cache-tags';
import { NodeInfo, NodeInfoDiscovery, NODEINFO_SCHEMA_2_1 } from './nodeinfo.dto';
import { sendDocument } from './well-known.controller';
import { WellKnownService } from './well-known.service';

const NODEINFO_CONTENT_TYPE = `application/json; profile="${NODEINFO_SCHEMA_2_1}#"`;

/** NodeInfo 2.1, so fediverse directories and statistics sites can describe this instance. */
@ApiTags('well-known')
@Controller()
export class NodeInfoController {
  constructor(private readonly wellKnown: WellKnownService) {}

  @Get('.well-known/nodeinfo')
  @Public()
  @ApiOkResponse({ type: NodeInfoDiscovery, description: 'Links to the NodeInfo documents' })
  discovery(@Req() request: Request, @Res() response: Response): void {
    response.setHeader('Access-Control-Allow-Origin', '*');
    declareCacheTags(response, [WELL_KNOWN_TAG]);
    sendDocument(request, response, this.wellKnown.nodeInfoDiscovery(), 'application/json; charset=utf-8');
  }

  @Get('nodeinfo/2.1')
  @Public()
  @ApiProduces(NODEINFO_CONTENT_TYPE)
  @ApiOkResponse({ type: NodeInfo, description: 'NodeInfo 2.1 of this instance' })
  async nodeInfo(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Access-Control-Allow-Origin', '*');
    // Its counts are kept for a minute by the service: no write needs to drop it.
    declareCacheTags(response, [WELL_KNOWN_TAG]);
    sendDocument(request, response, await this.wellKnown.nodeInfoDocument(), NODEINFO_CONTENT_TYPE);
  }
}
