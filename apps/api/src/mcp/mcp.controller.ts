import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-envelope';
import type { Request, Response } from 'express';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { BearerOnly, Public } from '../common/security/route-policy';
import { JsonRpcErrorResponse } from './mcp.dto';
import { McpMethodNotAllowedError } from './mcp.errors';
import { McpServerService } from './mcp-server.service';

/**
 * The MCP endpoint (streamable HTTP, stateless). Public: anonymous agents read what anyone may; a bearer API token
 * acts within its scopes. Bearer-only: a session cookie never authenticates here, so no web page can drive a
 * signed-in user's MCP calls (CSRF, DNS rebinding).
 */
@ApiTags('mcp')
@Controller('mcp')
@Public()
@BearerOnly()
export class McpController {
  constructor(private readonly mcp: McpServerService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Model Context Protocol over streamable HTTP (JSON-RPC 2.0); see docs/integrations.md' })
  @ApiBody({ schema: { type: 'object', description: 'A JSON-RPC 2.0 message (or a batch of at most 20)' } })
  @ApiOkResponse({ description: 'The JSON-RPC response', schema: { type: 'object' } })
  @ApiResponse({ status: 400, type: JsonRpcErrorResponse, description: 'Not a JSON-RPC message (or the envelope)' })
  @ApiResponse({
    status: 406,
    type: JsonRpcErrorResponse,
    description: 'Accept must list application/json and text/event-stream',
  })
  @ApiResponse({ status: 413, type: ErrorResponse, description: 'PAYLOAD_TOO_LARGE, MCP_BATCH_TOO_LARGE' })
  @ApiResponse({ status: 415, type: JsonRpcErrorResponse, description: 'Content-Type must be application/json' })
  async post(
    @Req() request: Request,
    @Res() response: Response,
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<void> {
    await this.mcp.handle(request, response, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Not supported (stateless server: no event stream); answers 405' })
  @ApiResponse({ status: 405, type: ErrorResponse, description: 'MCP_METHOD_NOT_ALLOWED' })
  streamNotSupported(@Res({ passthrough: true }) response: Response): never {
    response.setHeader('Allow', 'POST');
    throw new McpMethodNotAllowedError('GET');
  }

  @Delete()
  @ApiOperation({ summary: 'Not supported (stateless server: no session to end); answers 405' })
  @ApiResponse({ status: 405, type: ErrorResponse, description: 'MCP_METHOD_NOT_ALLOWED' })
  sessionNotSupported(@Res({ passthrough: true }) response: Response): never {
    response.setHeader('Allow', 'POST');
    throw new McpMethodNotAllowedError('DELETE');
  }
}
