import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ListResourcesResult } from '@modelcontextprotocol/sdk/types.js';
import { getFormat } from '@lynxprompt/formats';
import { AnyBlueprintIdPipe, BlueprintIdPipe, VersionNumberPipe } from '../blueprints/blueprint-id.pipe';
import type { BlueprintSummary } from '../blueprints/dto/blueprint-responses.dto';
import { firstOfEach, MCP_LIMITS, type McpContext } from './mcp-context';
import { runRequest } from './mcp-results';

export const BLUEPRINT_URI = 'lynxprompt://blueprints/{id}';
export const VERSION_URI = 'lynxprompt://blueprints/{id}/versions/{version}';

/** The format's media type; a federated copy in a format this instance does not know gets none. */
function mediaTypeOf(format: string): { mimeType?: string } {
  try {
    return { mimeType: getFormat(format).mediaType };
  } catch {
    return {};
  }
}

/** A URI template variable as one string (the SDK gives arrays for exploded variables). */
function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Listed: the caller's own blueprints (with a token) then the catalogue's newest, at most MCP_LIMITS.resources. */
async function listed(context: McpContext): Promise<ListResourcesResult> {
  const limit = String(MCP_LIMITS.resources);
  const principal = context.principal;
  const own =
    principal?.kind === 'token' && principal.scopes.includes('blueprints:read')
      ? (await context.catalog.mine(principal, undefined, limit)).items
      : [];
  const newest = (await context.catalog.search({ sort: 'newest', limit })).items;
  return {
    resources: firstOfEach<BlueprintSummary>([own, newest], MCP_LIMITS.resources).map((item) => ({
      uri: `lynxprompt://blueprints/${item.id}`,
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
      ...mediaTypeOf(item.format),
    })),
  };
}

/**
 * Blueprints as resources: the content this caller reads (published, or an owner's draft) and any version they may
 * read, each through the same read path as the REST API.
 */
export function registerResources(server: McpServer, context: McpContext): void {
  const { reads, logger, principal } = context;
  server.registerResource(
    'blueprint',
    new ResourceTemplate(BLUEPRINT_URI, { list: () => runRequest(logger, () => listed(context)) }),
    { title: 'Blueprint', description: 'The blueprint’s content as this caller reads it' },
    (uri, variables) =>
      runRequest(logger, async () => {
        const id = new AnyBlueprintIdPipe().transform(single(variables.id));
        const source = await reads.readable(id, principal);
        return {
          contents: [{ uri: uri.href, ...mediaTypeOf(source.format), text: source.content }],
        };
      }),
  );
  server.registerResource(
    'blueprint-version',
    new ResourceTemplate(VERSION_URI, { list: undefined }),
    { title: 'Blueprint version', description: 'One version of a blueprint (local blueprints only)' },
    (uri, variables) =>
      runRequest(logger, async () => {
        const id = new BlueprintIdPipe().transform(single(variables.id));
        const number = new VersionNumberPipe().transform(single(variables.version));
        const version = await reads.version(id, number, principal);
        return {
          contents: [{ uri: uri.href, ...mediaTypeOf(version.format), text: version.content }],
        };
      }),
  );
}
