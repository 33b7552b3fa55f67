import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

// What an MCP tool call answered, for the specs that drive /mcp (directly, or through lynxp mcp).

interface ToolError {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A tool's JSON answer (the text content), failing the test when the tool refused. */
export function answer<T>(result: unknown): T {
  const call = result as CallToolResult;
  const first = call.content[0];
  if (first?.type !== 'text') throw new Error('expected a text answer');
  if (call.isError) throw new Error(`the tool refused: ${first.text}`);
  return JSON.parse(first.text) as T;
}

/** A tool's refusal: the API's error envelope. */
export function refusal(result: unknown): ToolError['error'] {
  const call = result as CallToolResult;
  const first = call.content[0];
  expect(call.isError).toBe(true);
  if (first?.type !== 'text') throw new Error('expected a text answer');
  return (JSON.parse(first.text) as ToolError).error;
}
