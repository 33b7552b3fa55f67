import { Inject, Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import { BlueprintReadsService } from '../blueprints/blueprint-reads.service';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { CatalogService } from '../blueprints/catalog.service';
import { createValidationPipe } from '../common/http/validation';
import { LOGGER } from '../common/logging/logging.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { McpBatchTooLargeError } from './mcp.errors';
import { MCP_LIMITS, type McpContext } from './mcp-context';
import { registerPrompts } from './mcp-prompts';
import { registerResources } from './mcp-resources';
import { registerTools } from './mcp-tools';

/** Whether any JSON-RPC message of the body asks about prompts (only those pay for building the prompt list). */
function asksForPrompts(messages: readonly unknown[]): boolean {
  return messages.some(
    (message) =>
      typeof message === 'object' &&
      message !== null &&
      typeof (message as { method?: unknown }).method === 'string' &&
      (message as { method: string }).method.startsWith('prompts/'),
  );
}

/**
 * The instance's MCP server, stateless: every POST gets a fresh McpServer and transport for its caller, so nothing of
 * one caller's server (their prompts, their principal) can reach another's request.
 */
@Injectable()
export class McpServerService {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly catalog: CatalogService,
    private readonly reads: BlueprintReadsService,
    private readonly blueprints: BlueprintsService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(request: Request, response: Response, principal: Principal | undefined): Promise<void> {
    // The body parser has already bounded the bytes (BODY_LIMIT_BYTES) and the nesting; this bounds a batch.
    const body: unknown = request.body;
    const messages = Array.isArray(body) ? body : [body];
    if (messages.length > MCP_LIMITS.batch) throw new McpBatchTooLargeError(messages.length, MCP_LIMITS.batch);
    const server = await this.build(principal, asksForPrompts(messages));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  }

  private async build(principal: Principal | undefined, withPrompts: boolean): Promise<McpServer> {
    const server = new McpServer(
      { name: 'lynxprompt', title: `LynxPrompt (${this.config.instance.domain})`, version: '1.0.0' },
      {
        instructions:
          'Blueprints are instructions for AI coding assistants (AGENTS.md, CLAUDE.md, Cursor rules, skills, ' +
          'commands). Search and read them, render one for your tool with its [[VARIABLES]] filled, and (with a ' +
          'token carrying blueprints:write) create or update your own.',
      },
    );
    const context: McpContext = {
      principal,
      catalog: this.catalog,
      reads: this.reads,
      blueprints: this.blueprints,
      validation: this.validation,
      logger: this.logger,
    };
    registerTools(server, context);
    registerResources(server, context);
    await registerPrompts(server, context, withPrompts);
    return server;
  }
}
