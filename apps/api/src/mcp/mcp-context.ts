import type { ValidationPipe } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { BlueprintReadsService } from '../blueprints/blueprint-reads.service';
import type { BlueprintsService } from '../blueprints/blueprints.service';
import type { CatalogService } from '../blueprints/catalog.service';

/** What one request's MCP server works with: the caller (a bearer token, or nobody) and the REST API's own services. */
export interface McpContext {
  readonly principal: Principal | undefined;
  readonly catalog: CatalogService;
  readonly reads: BlueprintReadsService;
  readonly blueprints: BlueprintsService;
  /** The REST API's DTO validation, so a tool's arguments pass the same checks as a request body. */
  readonly validation: ValidationPipe;
  readonly logger: Logger;
}

/** Bounds shared by the tools, prompts and resources (each list an anonymous caller can ask for is capped). */
export const MCP_LIMITS = {
  pageSize: 50,
  prompts: 25,
  resources: 50,
  batch: 20,
  idLength: 64,
  variables: 50,
  variableValueLength: 4_000,
} as const;

/** The lists in order, each blueprint once (at its first place), at most `limit`: own ones first, then the rest. */
export function firstOfEach<T extends { id: string }>(lists: readonly (readonly T[])[], limit: number): T[] {
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((item) => !seen.has(item.id) && seen.add(item.id))
    .slice(0, limit);
}
