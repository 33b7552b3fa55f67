import { AppError } from '../common/errors/app-error';

export const McpErrorCode = {
  MethodNotAllowed: 'MCP_METHOD_NOT_ALLOWED',
  BatchTooLarge: 'MCP_BATCH_TOO_LARGE',
  UnknownPrompt: 'MCP_UNKNOWN_PROMPT',
  BlueprintRefRequired: 'MCP_BLUEPRINT_REF_REQUIRED',
} as const;

/** GET (a server-sent event stream) and DELETE (ending a session) need sessions; this server keeps none. */
export class McpMethodNotAllowedError extends AppError {
  constructor(method: string) {
    super(
      McpErrorCode.MethodNotAllowed,
      `${method} /mcp is not supported: this MCP server is stateless, send JSON-RPC requests with POST`,
      405,
    );
  }
}

/** A JSON-RPC batch is bounded like any list an anonymous caller sends. */
export class McpBatchTooLargeError extends AppError {
  constructor(size: number, limit: number) {
    super(McpErrorCode.BatchTooLarge, `A batch may hold at most ${limit} messages, not ${size}`, 413, { limit });
  }
}

export class UnknownPromptError extends AppError {
  constructor(name: string) {
    super(McpErrorCode.UnknownPrompt, `No prompt named ${name.slice(0, 100)} for this caller`, 404);
  }
}

/** get_blueprint names its blueprint by id, or by owner and slug together. */
export class McpBlueprintRefRequiredError extends AppError {
  constructor() {
    super(McpErrorCode.BlueprintRefRequired, 'Pass id, or owner and slug together', 400);
  }
}
