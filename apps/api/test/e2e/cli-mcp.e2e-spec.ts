import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { createBlueprint } from '../support/blueprints';
import { freshConfigDir, lynxpBundle, startCliInstance } from '../support/cli';
import { answer } from '../support/mcp';
import type { FederatedInstance } from '../support/federation';
import { createApiToken, signInAs, type SignedIn } from '../support/sign-in';

/**
 * `lynxp mcp`, the stdio server agents start locally, against a real instance's /mcp: the SDK's own client spawns
 * the bundled CLI, as Claude Code or another agent would, and everything it sees comes from the instance.
 */
describe('lynxp mcp (stdio) against the instance', () => {
  let instance: FederatedInstance;
  let alice: SignedIn;
  let token: string;
  let privateId: string;
  let promptedId: string;
  const clients: Client[] = [];

  async function connect(env: Record<string, string>): Promise<Client> {
    const configDir = freshConfigDir();
    const client = new Client({ name: 'cli-mcp-e2e', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [lynxpBundle, 'mcp', '--instance', instance.url],
        env: { PATH: process.env.PATH ?? '', HOME: configDir, LYNXPROMPT_CONFIG_DIR: configDir, ...env },
        stderr: 'pipe',
      }),
    );
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    instance = await startCliInstance();
    alice = await signInAs(instance.app, 'alice@cli-mcp.test');
    await createBlueprint(alice, { name: 'Stdio public rule', visibility: 'public', publish: true });
    privateId = (await createBlueprint(alice, { name: 'Stdio private rule', slug: 'stdio-private' })).id;
    promptedId = (
      await createBlueprint(alice, {
        name: 'Stdio prompt',
        slug: 'stdio-prompt',
        content: '# Service\n\nDeploy [[SERVICE_NAME]] with care.\n',
      })
    ).id;
    // A development token: production tokens read published versions only, and these drafts are not published.
    token = await createApiToken(alice, ['blueprints:read'], 'development');
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await instance?.close();
  });

  it('offers the instance tools and, anonymous, finds only public blueprints', async () => {
    const client = await connect({});
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools).toEqual(expect.arrayContaining(['search_blueprints', 'get_blueprint', 'render_blueprint']));

    const found = answer<{ items: Array<{ id: string; name: string }> }>(
      await client.callTool({ name: 'search_blueprints', arguments: { query: 'Stdio' } }),
    );
    expect(found.items.map((item) => item.name)).toEqual(['Stdio public rule']);
    expect((await client.listPrompts()).prompts).toEqual([]);
  });

  it('acts as the token owner: private blueprints and prompts with arguments', async () => {
    const client = await connect({ LYNXPROMPT_TOKEN: token });
    const mine = answer<{ items: Array<{ id: string }> }>(
      await client.callTool({ name: 'list_my_blueprints', arguments: {} }),
    );
    expect(mine.items.map((item) => item.id)).toEqual(expect.arrayContaining([privateId, promptedId]));

    const prompts = (await client.listPrompts()).prompts;
    const prompt = prompts.find((entry) => entry.arguments?.some((argument) => argument.name === 'SERVICE_NAME'));
    expect(prompt).toBeDefined();
    const rendered: GetPromptResult = await client.getPrompt({
      name: prompt!.name,
      arguments: { SERVICE_NAME: 'billing-gateway' },
    });
    const text = rendered.messages.map((message) => (message.content.type === 'text' ? message.content.text : ''));
    expect(text.join('\n')).toContain('Deploy billing-gateway with care.');
  });
});
