import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../common/errors/error-envelope';
import { Public } from '../common/security/route-policy';
import { sendDocument } from '../well-known/well-known.controller';
import { PluginMarketplaceService, type ServedBytes } from './plugin-marketplace.service';

const MARKETPLACE_SCHEMA = {
  type: 'object',
  required: ['name', 'owner', 'plugins'],
  properties: {
    name: { type: 'string' },
    owner: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } } },
    metadata: { type: 'object', properties: { description: { type: 'string' } } },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'source'],
        properties: {
          name: { type: 'string' },
          source: {
            type: 'object',
            properties: { source: { type: 'string', enum: ['url'] }, url: { type: 'string', format: 'uri' } },
          },
          description: { type: 'string' },
          version: { type: 'string' },
          author: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    },
  },
};

const NOT_FOUND = 'PROFILE_NOT_FOUND, PLUGIN_REPOSITORY_NOT_FOUND';

/**
 * A Claude Code plugin marketplace per user and organization: a marketplace.json, and read-only git repositories
 * over git's dumb HTTP protocol (`marketplace.git`, and one `<plugin>.git` per plugin). Public data only.
 */
@ApiTags('plugins')
@Controller('api/v1/profiles/:handle/claude-plugins')
export class PluginMarketplaceController {
  constructor(private readonly marketplace: PluginMarketplaceService) {}

  @Get('marketplace.json')
  @Public()
  @ApiOkResponse({ schema: MARKETPLACE_SCHEMA, description: 'The marketplace, each plugin a git repository' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PROFILE_NOT_FOUND' })
  async marketplaceJson(
    @Param('handle') handle: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.send(request, response, await this.marketplace.marketplaceJson(handle), 'application/json; charset=utf-8');
  }

  @Get(':repository/info/refs')
  @Public()
  @ApiProduces('application/x-git-upload-pack-advertisement', 'text/plain')
  @ApiQuery({ name: 'service', required: false, description: '`git-upload-pack` for the smart protocol' })
  @ApiOkResponse({
    description: "The repository's refs: the smart protocol's advertisement, or the dumb protocol's info/refs",
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  async infoRefs(
    @Param('handle') handle: string,
    @Param('repository') repository: string,
    @Query('service') service: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const refs = await this.marketplace.infoRefs(handle, repository, service);
    const type = refs.smart ? 'application/x-git-upload-pack-advertisement' : 'text/plain; charset=utf-8';
    this.send(request, response, refs, type);
  }

  @Post(':repository/git-upload-pack')
  @Public()
  @HttpCode(200)
  @ApiConsumes('application/x-git-upload-pack-request')
  @ApiProduces('application/x-git-upload-pack-result')
  @ApiOkResponse({
    description: 'One upload-pack exchange (git smart HTTP, stateless): the negotiation, then the packfile',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'GIT_REQUEST_INVALID' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  async uploadPack(
    @Param('handle') handle: string,
    @Param('repository') repository: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.marketplace.uploadPack(handle, repository, request.body);
    response.setHeader('Content-Type', 'application/x-git-upload-pack-result');
    response.setHeader('Cache-Control', 'no-cache');
    response.send(result);
  }

  @Get(':repository/HEAD')
  @Public()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The branch HEAD names (git dumb HTTP)', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponse, description: NOT_FOUND })
  async head(
    @Param('handle') handle: string,
    @Param('repository') repository: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.send(request, response, await this.marketplace.head(handle, repository), 'text/plain; charset=utf-8');
  }

  @Get(':repository/objects/:directory/:file')
  @Public()
  @ApiProduces('application/x-git-loose-object')
  @ApiOkResponse({
    description: 'A zlib-deflated loose object (git dumb HTTP)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: `${NOT_FOUND}, GIT_OBJECT_NOT_FOUND` })
  async object(
    @Param('handle') handle: string,
    @Param('repository') repository: string,
    @Param('directory') directory: string,
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const object = await this.marketplace.object(handle, repository, directory, file);
    this.send(request, response, object, 'application/x-git-loose-object');
  }

  private send(request: Request, response: Response, document: ServedBytes, type: string): void {
    response.setHeader('Access-Control-Allow-Origin', '*');
    sendDocument(request, response, document, type);
  }
}
