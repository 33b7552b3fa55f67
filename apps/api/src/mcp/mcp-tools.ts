import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { requireTokenScopes } from '../common/security/route-policy';
import { AnyBlueprintIdPipe, WritableBlueprintIdPipe } from '../blueprints/blueprint-id.pipe';
import { revisionFromIfMatch } from '../blueprints/blueprint-views';
import { CATALOG_SORTS } from '../blueprints/catalog.service';
import { CreateBlueprintRequest, UpdateBlueprintRequest } from '../blueprints/dto/blueprint-requests.dto';
import type { UserPrincipal } from '../auth/principal';
import { OrganizationTokenRefusedError } from '../auth/auth.errors';
import { McpBlueprintRefRequiredError } from './mcp.errors';
import { MCP_LIMITS, type McpContext } from './mcp-context';
import { jsonResult, runTool } from './mcp-results';

const blueprintId = z.string().min(1).max(MCP_LIMITS.idLength).describe('bp_… (or rb_… for a federated copy)');
const shortText = (max: number) => z.string().max(max);
const limit = z.number().int().min(1).max(MCP_LIMITS.pageSize).optional().describe(`1–${MCP_LIMITS.pageSize}`);
const cursor = shortText(500).optional().describe('nextCursor of the previous page');

/** The fields create and update share, bounded here; the REST API's DTO validation then checks them as for a body. */
const writeFields = {
  description: shortText(1000).optional(),
  tags: z.array(shortText(50)).max(10).optional(),
  category: shortText(64).optional(),
  license: shortText(200).optional(),
  visibility: z.enum(['private', 'team', 'unlisted', 'public']).optional(),
  slug: shortText(80).optional(),
  changelog: shortText(500).optional(),
  publish: z.boolean().optional().describe('Publish the resulting version at once'),
  acknowledgedFindings: z
    .array(shortText(100))
    .max(100)
    .optional()
    .describe('Ids of low-confidence secret findings you confirm are not secrets'),
};
// The API's own content limit (256 KB) applies on top; this only keeps a tool call's argument bounded.
const content = z.string().max(300_000);

/** A person's token with blueprints:read: "my blueprints" are nobody's for an organization token. */
function personOf(context: McpContext): UserPrincipal {
  const principal = requireTokenScopes(context.principal, ['blueprints:read']);
  if (principal.kind === 'organization-token') throw new OrganizationTokenRefusedError();
  return principal;
}

/** The tools: each calls the service its REST route calls, with the caller's principal, so access is decided there. */
export function registerTools(server: McpServer, context: McpContext): void {
  const { catalog, reads, blueprints, logger, validation } = context;
  const principal = context.principal;

  server.registerTool(
    'search_blueprints',
    {
      title: 'Search blueprints',
      description:
        'Search the public catalogue (this instance and federated peers; each result names its origin instance). ' +
        'Web-search syntax: words, "phrases", -exclusions.',
      inputSchema: {
        query: shortText(200).optional(),
        kind: shortText(32).optional().describe('rules, command, skill, agent, …'),
        tool: shortText(64).optional().describe('Tool id, e.g. cursor, claude-code'),
        format: shortText(64).optional().describe('Format id, e.g. cursor-rules'),
        category: shortText(64).optional(),
        tags: z.array(shortText(50)).max(5).optional().describe('All must match'),
        author: shortText(100).optional(),
        instance: shortText(260).optional().describe('Only blueprints from this origin domain'),
        license: shortText(100).optional(),
        sort: z.enum(CATALOG_SORTS as [string, ...string[]]).optional(),
        cursor,
        limit,
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(logger, async () =>
        jsonResult(
          await catalog.search({
            q: args.query,
            kind: args.kind,
            tool: args.tool,
            format: args.format,
            category: args.category,
            tag: args.tags,
            author: args.author,
            instance: args.instance,
            license: args.license,
            sort: args.sort,
            cursor: args.cursor,
            limit: args.limit === undefined ? undefined : String(args.limit),
          }),
        ),
      ),
  );

  server.registerTool(
    'get_blueprint',
    {
      title: 'Get a blueprint',
      description:
        'One blueprint with its content, by id or by owner and slug (the published version; its owner’s token with ' +
        'drafts gets the draft).',
      inputSchema: {
        id: blueprintId.optional(),
        owner: shortText(64).optional().describe('With slug, instead of id: the owner’s handle, as in @owner/slug'),
        slug: shortText(128).optional(),
        version: z.enum(['published', 'draft']).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      runTool(logger, async () => {
        if (args.id !== undefined) {
          return jsonResult(await reads.get(new AnyBlueprintIdPipe().transform(args.id), principal, args.version));
        }
        if (args.owner === undefined || args.slug === undefined) throw new McpBlueprintRefRequiredError();
        return jsonResult(await reads.getByHandleSlug(args.owner, args.slug, principal, args.version));
      }),
  );

  server.registerTool(
    'render_blueprint',
    {
      title: 'Render a blueprint for a tool',
      description:
        'The blueprint as a file of the chosen format (GET /api/v1/formats lists them), with [[VARIABLES]] filled from ' +
        'the values given, then your saved values (token with variables:read), then defaults.',
      inputSchema: {
        id: blueprintId,
        format: shortText(64).optional().describe('Target format id; the blueprint’s own when omitted'),
        variables: z
          .record(shortText(64), shortText(MCP_LIMITS.variableValueLength))
          .refine((values) => Object.keys(values).length <= MCP_LIMITS.variables, {
            message: `at most ${MCP_LIMITS.variables} variables`,
          })
          .optional(),
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      runTool(logger, async () =>
        jsonResult(
          await reads.render(new AnyBlueprintIdPipe().transform(args.id), principal, {
            format: args.format,
            values: args.variables,
          }),
        ),
      ),
  );

  server.registerTool(
    'list_my_blueprints',
    {
      title: 'List my blueprints',
      description: 'Your own blueprints, drafts and private ones too; needs a token with blueprints:read.',
      inputSchema: { cursor, limit },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      runTool(logger, async () =>
        jsonResult(
          await catalog.mine(personOf(context), args.cursor, args.limit === undefined ? undefined : String(args.limit)),
        ),
      ),
  );

  server.registerTool(
    'create_blueprint',
    {
      title: 'Create a blueprint',
      description:
        'Creates a blueprint (private unless visibility says otherwise) through the same checks as the REST API: ' +
        'secret scan and policy, quotas, plan limits. Needs a token with blueprints:write.',
      inputSchema: {
        name: shortText(120),
        kind: shortText(32),
        format: shortText(64),
        content,
        organization: shortText(64).optional().describe('Slug of an organization that will own it'),
        ...writeFields,
      },
    },
    (args) =>
      runTool(logger, async () => {
        const caller = requireTokenScopes(principal, ['blueprints:write']);
        const body = (await validation.transform(args, {
          type: 'body',
          metatype: CreateBlueprintRequest,
        })) as CreateBlueprintRequest;
        return jsonResult(await blueprints.create(caller, body));
      }),
  );

  server.registerTool(
    'update_blueprint',
    {
      title: 'Update a blueprint',
      description:
        'Changes a blueprint you may edit; new content makes a new version. Pass the revision you read (get_blueprint) ' +
        'as expectedRevision to refuse the write when someone changed it since (PRECONDITION_FAILED). Needs ' +
        'blueprints:write.',
      inputSchema: {
        id: blueprintId,
        expectedRevision: z.number().int().min(0).max(999_999_999).optional(),
        name: shortText(120).optional(),
        kind: shortText(32).optional(),
        format: shortText(64).optional(),
        content: content.optional(),
        ...writeFields,
      },
    },
    ({ id, expectedRevision, ...fields }) =>
      runTool(logger, async () => {
        const caller = requireTokenScopes(principal, ['blueprints:write']);
        const writable = new WritableBlueprintIdPipe().transform(id);
        const body = (await validation.transform(fields, {
          type: 'body',
          metatype: UpdateBlueprintRequest,
        })) as UpdateBlueprintRequest;
        // The same revision semantics as If-Match on PATCH.
        const revision = expectedRevision === undefined ? undefined : revisionFromIfMatch(`"r${expectedRevision}"`);
        return jsonResult(await blueprints.update(caller, writable, revision, body));
      }),
  );
}
