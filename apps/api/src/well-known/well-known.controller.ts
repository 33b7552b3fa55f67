import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ifNoneMatchMatches } from '../common/http/conditional-get';
import { Public } from '../common/security/route-policy';
import { declareCacheTags, WELL_KNOWN_TAG } from '../http-cache/cache-tags';
import { InstanceManifest } from './instance-manifest.dto';
import { WellKnownService, type CachedDocument } from './well-known.service';

/** Sends a small public document with its ETag, or 304 when the client already holds it. */
export function sendDocument(
  request: Request,
  response: Response,
  document: CachedDocument | { body: Buffer; etag: string },
  type: string,
): void {
  response.setHeader('ETag', document.etag);
  response.setHeader('Cache-Control', 'public, max-age=300');
  if (ifNoneMatchMatches(request.headers['if-none-match'], document.etag)) {
    response.status(304).end();
    return;
  }
  // A Buffer keeps the content type exactly as given (Express would append a charset to a string's).
  response.setHeader('Content-Type', type);
  response.send(typeof document.body === 'string' ? Buffer.from(document.body, 'utf8') : document.body);
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
    // It carries the instance key: a key rotation drops it (its counts are kept for a minute anyway).
    declareCacheTags(response, [WELL_KNOWN_TAG]);
    sendDocument(request, response, await this.wellKnown.manifestDocument(), 'application/json; charset=utf-8');
  }

  @Get('security.txt')
  @Public()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'RFC 9116 security contact', schema: { type: 'string' } })
  securityTxt(@Req() request: Request, @Res() response: Response): void {
    declareCacheTags(response, [WELL_KNOWN_TAG]);
    sendDocument(request, response, this.wellKnown.securityTxt(), 'text/plain; charset=utf-8');
  }
}
