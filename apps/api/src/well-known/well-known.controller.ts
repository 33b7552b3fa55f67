import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/security/route-policy';
import { InstanceManifest } from './instance-manifest.dto';
import { WellKnownService, type CachedDocument } from './well-known.service';

function send(request: Request, response: Response, document: CachedDocument, type: string): void {
  response.setHeader('ETag', document.etag);
  response.setHeader('Cache-Control', 'public, max-age=300');
  if (request.headers['if-none-match'] === document.etag) {
    response.status(304).end();
    return;
  }
  response.type(type).send(document.body);
}

@ApiTags('well-known')
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly wellKnown: WellKnownService) {}

  @Get('lynxprompt.json')
  @Public()
  @ApiOkResponse({ type: InstanceManifest, description: 'The federation manifest of this instance' })
  async manifest(@Req() request: Request, @Res() response: Response): Promise<void> {
    // Peers and browsers on other origins read the manifest; it holds nothing private.
    response.setHeader('Access-Control-Allow-Origin', '*');
    send(request, response, await this.wellKnown.manifestDocument(), 'application/json');
  }

  @Get('security.txt')
  @Public()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'RFC 9116 security contact', schema: { type: 'string' } })
  securityTxt(@Req() request: Request, @Res() response: Response): void {
    send(request, response, this.wellKnown.securityTxt(), 'text/plain; charset=utf-8');
  }
}
