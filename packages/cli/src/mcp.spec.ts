import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { writeCredentials } from './config';

const bundle = path.resolve(__dirname, '../dist/lynxp.cjs');

/**
 * A small real MCP server on loopback, standing in for an instance's /mcp: one tool that tells who called (the
 * Authorization header it received) and one prompt with an argument.
 */
async function startInstance(): Promise<{ url: string; requests: IncomingMessage[]; close(): Promise<void> }> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    if (!request.url?.startsWith('/mcp')) {
      response.writeHead(404).end();
      return;
    }
    const sessionId = request.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (!transport) {
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => void sessions.set(id, transport!),
      });
      const mcp = new McpServer({ name: 'test-instance', version: '1.0.0' });
      mcp.registerTool('whoami', { description: 'Who is calling' }, (extra) => ({
        content: [{ type: 'text', text: String(extra.requestInfo?.headers.authorization ?? 'anonymous') }],
      }));
      mcp.registerPrompt(
        'greet',
        { description: 'Greets a project', argsSchema: { project: z.string() } },
        ({ project }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Hello ${project}` } }] }),
      );
      void mcp.connect(transport);
    }
    void transport.handleRequest(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('lynxp mcp (stdio bridge to <instance>/mcp)', () => {
  let instance: Awaited<ReturnType<typeof startInstance>>;
  let configDir: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node packages/cli/scripts/build.mjs`);
    instance = await startInstance();
  });
  beforeEach(() => {
    configDir = mkdtempSync(path.join(os.tmpdir(), 'lynxp-mcp-'));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    rmSync(configDir, { recursive: true, force: true });
  });
  afterAll(() => instance.close());

  function connect(instanceUrl: string): Promise<Client> {
    const client = new Client({ name: 'agent', version: '1.0.0' });
    clients.push(client);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bundle, 'mcp', '--instance', instanceUrl],
      env: { PATH: process.env.PATH ?? '', HOME: configDir, LYNXPROMPT_CONFIG_DIR: configDir },
      stderr: 'pipe',
    });
    return client.connect(transport).then(() => client);
  }

  it('forwards tools and prompts both ways, signed in with the stored token of that instance', async () => {
    writeCredentials(
      {
        version: 1,
        instances: {
          [instance.url]: { token: 'lp_stored', savedAt: new Date().toISOString() },
          'https://other.example': { token: 'lp_other', savedAt: new Date().toISOString() },
        },
      },
      { LYNXPROMPT_CONFIG_DIR: configDir },
    );
    const client = await connect(instance.url);
    expect(client.getServerVersion()).toEqual({ name: 'test-instance', version: '1.0.0' });

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['whoami']);
    const called = await client.callTool({ name: 'whoami', arguments: {} });
    expect(called.content).toEqual([{ type: 'text', text: 'Bearer lp_stored' }]);

    const prompt = await client.getPrompt({ name: 'greet', arguments: { project: 'acme' } });
    expect(prompt.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Hello acme' } }]);

    // After initialisation every request names the session and the negotiated protocol version.
    const later = instance.requests.filter((request) => request.method === 'POST').slice(-1)[0]!;
    expect(later.headers['mcp-session-id']).toEqual(expect.any(String));
    expect(later.headers['mcp-protocol-version']).toEqual(expect.any(String));
  });

  it('calls anonymously when no token is stored for the instance', async () => {
    const client = await connect(instance.url);
    const called = await client.callTool({ name: 'whoami', arguments: {} });
    expect(called.content).toEqual([{ type: 'text', text: 'anonymous' }]);
  });

  it('answers with a JSON-RPC error, instead of leaving the agent waiting, when the instance is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(connect(`http://127.0.0.1:${port}`)).rejects.toThrow(/did not answer/);
  });
});
