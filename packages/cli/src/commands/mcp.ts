import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  isInitializeRequest,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { Command } from 'commander';
import { withContext, type CommandContext } from '../context';

/** JSON-RPC "server error" range: the instance could not be reached or refused the request. */
const BRIDGE_ERROR = -32000;

/**
 * mcp: a stdio MCP server for agents that only run local servers. It holds no tools of its own: every message from
 * the agent goes to the instance's streamable HTTP endpoint (`<instance>/mcp`, with the stored token), and every
 * message from the instance comes back, so the agent sees exactly what the instance offers.
 */
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description("serve the instance's MCP endpoint (<instance>/mcp) over stdio, signed in with the stored token")
    .action(withContext((context) => serveMcp(context)));
}

async function serveMcp(context: CommandContext): Promise<void> {
  const client = context.client();
  const remote = new StreamableHTTPClientTransport(new URL(`${client.instance}/mcp`), {
    requestInit: client.bearer ? { headers: { Authorization: `Bearer ${client.bearer}` } } : undefined,
  });
  const local = new StdioServerTransport();
  process.stderr.write(
    `lynxp mcp: bridging stdio to ${client.instance}/mcp (${client.signedIn ? 'signed in' : 'anonymous'})\n`,
  );
  await bridge(local, remote, {
    onError: (error) => process.stderr.write(`lynxp mcp: ${error.message}\n`),
    closed: new Promise<void>((resolve) => {
      process.stdin.once('end', resolve);
      process.stdin.once('close', resolve);
    }),
  });
}

/**
 * Forwards JSON-RPC messages both ways until `closed` settles. A request the instance cannot take (unreachable,
 * 401, 5xx) is answered with a JSON-RPC error, so the agent never waits for a reply that will not come.
 */
export async function bridge(
  local: Transport,
  remote: StreamableHTTPClientTransport,
  options: { onError: (error: Error) => void; closed: Promise<void> },
): Promise<void> {
  const initializing = new Set<RequestId>();
  remote.onmessage = (message) => {
    // The SDK's Client would do this itself: later requests carry the negotiated MCP-Protocol-Version header.
    if (isJSONRPCResultResponse(message) && initializing.delete(message.id)) {
      const version = (message.result as { protocolVersion?: unknown }).protocolVersion;
      if (typeof version === 'string') remote.setProtocolVersion(version);
    }
    local.send(message).catch(options.onError);
  };
  remote.onerror = options.onError;
  local.onerror = options.onError;
  local.onmessage = (message: JSONRPCMessage) => {
    if (isJSONRPCRequest(message) && isInitializeRequest(message)) initializing.add(message.id);
    remote.send(message).catch((error: Error) => {
      if (!isJSONRPCRequest(message)) return;
      local
        .send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: BRIDGE_ERROR, message: `The LynxPrompt instance did not answer: ${error.message}` },
        })
        .catch(options.onError);
    });
  };
  await remote.start();
  await local.start();
  await options.closed;
  // End the session on the instance (DELETE), then stop; either may fail when the instance is already gone.
  await remote.terminateSession().catch(() => undefined);
  await remote.close().catch(() => undefined);
  await local.close().catch(() => undefined);
}
