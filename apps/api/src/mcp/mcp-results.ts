import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { AppError, CommonErrorCode } from '../common/errors/app-error';
import { isConnectionFailure, serviceUnavailable } from '../common/errors/outage';

/** A tool's answer: the value as JSON text (and as structured content, for clients that read it). */
export function jsonResult(value: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: { ...value } };
}

/**
 * The API's error envelope for a failure: a known refusal keeps its stable code, an outage of the database or Redis
 * is SERVICE_UNAVAILABLE (503, worth retrying), anything else is INTERNAL_ERROR.
 */
function envelopeOf(
  error: unknown,
  logger: Logger,
): { code: string; message: string; status: number; details?: unknown } {
  if (isConnectionFailure(error)) {
    logger.warn({ err: { message: (error as Error).message } }, 'MCP handler failed: dependency unavailable');
    error = serviceUnavailable();
  }
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      status: error.status,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  logger.error({ err: error }, 'MCP handler failed');
  return { code: CommonErrorCode.Internal, message: 'The request could not be completed', status: 500 };
}

/**
 * Runs a tool and turns a refusal into an MCP tool error (isError) carrying the API's envelope, so an agent switches
 * on the same codes as a REST client (SECRET_DETECTED, PRECONDITION_FAILED, QUOTA_EXCEEDED, …).
 */
export async function runTool(logger: Logger, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    const envelope = envelopeOf(error, logger);
    return {
      isError: true,
      content: [{ type: 'text', text: JSON.stringify({ error: envelope }) }],
      _meta: { code: envelope.code, status: envelope.status },
    };
  }
}

/** Prompts and resources answer JSON-RPC errors: invalid params for a refusal (its code in `data`), else internal. */
export async function runRequest<Result>(logger: Logger, work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof McpError) throw error;
    const envelope = envelopeOf(error, logger);
    throw new McpError(envelope.status < 500 ? ErrorCode.InvalidParams : ErrorCode.InternalError, envelope.message, {
      code: envelope.code,
      status: envelope.status,
      ...(envelope.details === undefined ? {} : { details: envelope.details }),
    });
  }
}
