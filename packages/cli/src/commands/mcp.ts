import type { Command } from 'commander';

/** mcp (stdio MCP server). */
export function registerMcpCommand(program: Command): void {
  void program;
}
