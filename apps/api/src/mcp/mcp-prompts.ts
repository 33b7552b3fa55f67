import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { GetPromptRequestSchema, ListPromptsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { UserPrincipal } from '../auth/principal';
import type { BlueprintSummary } from '../blueprints/dto/blueprint-responses.dto';
import { UnknownPromptError } from './mcp.errors';
import { firstOfEach, MCP_LIMITS, type McpContext } from './mcp-context';
import { runRequest } from './mcp-results';

/**
 * The caller's prompts: blueprints they own or favourited (others' only without hidden-instruction findings), as far
 * as they may still read them (the catalogue's own lists decide that), newest first, at most MCP_LIMITS.prompts. Names are slugs, made unique with the id.
 */
async function promptBlueprints(context: McpContext, person: UserPrincipal): Promise<Map<string, BlueprintSummary>> {
  const limit = String(MCP_LIMITS.prompts);
  const [mine, favourites] = await Promise.all([
    context.catalog.mine(person, undefined, limit),
    context.catalog.favorites(person, undefined, limit),
  ]);
  // A prompt goes straight into the agent's context: someone else's blueprint with hidden-instruction findings is
  // never offered as one (as in the Agent Skills index); the caller's own are theirs to judge.
  const trusted = favourites.items.filter((item) => !item.hasHiddenInstructions);
  const chosen = firstOfEach([mine.items, trusted], MCP_LIMITS.prompts);
  const slugCounts = new Map<string, number>();
  for (const item of chosen) slugCounts.set(item.slug, (slugCounts.get(item.slug) ?? 0) + 1);
  return new Map(chosen.map((item) => [slugCounts.get(item.slug) === 1 ? item.slug : `${item.slug}-${item.id}`, item]));
}

/**
 * Registers the caller's blueprints as prompts, their [[VARIABLES]] as arguments. Only built for requests that ask
 * about prompts (`wanted`): it reads each blueprint's variables, work no tool call should pay for. Anonymous callers
 * and organization tokens (no person, no favourites) have none; the capability is advertised either way.
 */
export async function registerPrompts(server: McpServer, context: McpContext, wanted: boolean): Promise<void> {
  const principal = context.principal;
  const person = principal && principal.kind !== 'organization-token' ? principal : undefined;
  const prompts = wanted && person ? await promptBlueprints(context, person) : new Map<string, BlueprintSummary>();
  // One that turned unreadable between the list and this read is left out, not an error for the whole list.
  const loaded = await Promise.all(
    [...prompts].map(async ([name, blueprint]) => ({
      name,
      blueprint,
      variables: await context.reads.variables(blueprint.id, principal).then(
        (list) => list.variables,
        () => undefined,
      ),
    })),
  );
  let registered = 0;
  for (const { name, blueprint, variables } of loaded) {
    if (!variables) continue;
    const argsSchema = Object.fromEntries(
      variables.map((variable) => [
        variable.name,
        z
          .string()
          .max(MCP_LIMITS.variableValueLength)
          .optional()
          .describe(variable.defaultValue === undefined ? variable.name : `Default: ${variable.defaultValue}`),
      ]),
    );
    server.registerPrompt(
      name,
      { title: blueprint.name, description: blueprint.description || blueprint.name, argsSchema },
      (args: Record<string, string | undefined>) =>
        runRequest(context.logger, async () => {
          const values = Object.fromEntries(
            Object.entries(args).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
          );
          const rendered = await context.reads.render(blueprint.id, principal, { values });
          return {
            description: blueprint.name,
            messages: [{ role: 'user' as const, content: { type: 'text' as const, text: rendered.content } }],
          };
        }),
    );
    registered += 1;
  }
  if (registered > 0) return;
  // No prompt registered: the SDK would not answer prompts/* at all. An empty list, and "unknown" for any name.
  server.server.registerCapabilities({ prompts: { listChanged: false } });
  server.server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [] }));
  server.server.setRequestHandler(GetPromptRequestSchema, (request) =>
    runRequest(context.logger, () => Promise.reject(new UnknownPromptError(request.params.name))),
  );
}
