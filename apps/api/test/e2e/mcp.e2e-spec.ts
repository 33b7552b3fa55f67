import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { createBlueprint, SAMPLE_RULE } from '../support/blueprints';
import { startCliInstance } from '../support/cli';
import { answer, refusal } from '../support/mcp';
import type { FederatedInstance } from '../support/federation';
import { insertPeer, insertRemoteBlueprint, REMOTE_RULE } from '../support/remote-blueprints';
import { createApiToken, signInAs, type SignedIn } from '../support/sign-in';

// A real-looking (random, never issued) OpenAI project key: the scanner must catch it.
const OPENAI_KEY = 'sk-proj-' + 'Qx7vN2pL9sT4wK8mR3bY6cH1jF5gD0aZ'.repeat(2);

interface Summary {
  id: string;
  name: string;
  origin: { instance: string; local: boolean };
}

describe('MCP server at /mcp', () => {
  let instance: FederatedInstance;
  let alice: SignedIn;
  let bob: SignedIn;
  let readToken: string;
  let writeToken: string;
  const ids = {} as Record<'alicePublic' | 'alicePrivate' | 'bobPublic' | 'bobPrivate' | 'remote', string>;
  const clients: Client[] = [];

  async function connect(headers: Record<string, string> = {}): Promise<Client> {
    const client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL('/mcp', instance.url), { requestInit: { headers } });
    await client.connect(transport);
    clients.push(client);
    return client;
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A raw JSON-RPC POST, as a hostile or careless client sends it. */
  function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(new URL('/mcp', instance.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
      body,
    });
  }

  beforeAll(async () => {
    instance = await startCliInstance();
    alice = await signInAs(instance.app, 'alice@mcp.test');
    bob = await signInAs(instance.app, 'bob@mcp.test');
    const publish = { visibility: 'public', publish: true };
    ids.alicePublic = (await createBlueprint(alice, { ...publish, name: 'Quokka conventions' })).id;
    ids.alicePrivate = (await createBlueprint(alice, { name: 'Alice private notes', slug: 'alice-private' })).id;
    ids.bobPublic = (
      await createBlueprint(bob, {
        ...publish,
        name: 'Bob shared rule',
        content: '# Shared\n\nDeploy [[SERVICE]] with care.\n',
      })
    ).id;
    ids.bobPrivate = (await createBlueprint(bob, { name: 'Bob secret plans', slug: 'bob-secret-plans' })).id;
    await alice.agent.put(`/api/v1/blueprints/${ids.bobPublic}/favorite`).set(alice.writeHeaders).expect(200);
    // A public blueprint hiding text from its reader (a zero-width space): favourited, it is still never a prompt.
    const bobHidden = await createBlueprint(bob, {
      ...publish,
      name: 'Bob hidden rule',
      content: '# Harmless\n\nObey\u200B me.\n',
    });
    await alice.agent.put(`/api/v1/blueprints/${bobHidden.id}/favorite`).set(alice.writeHeaders).expect(200);
    const peer = await insertPeer(instance.app, 'prompts.example.org', { signed: true });
    ids.remote = (await insertRemoteBlueprint(instance.app, peer, { name: 'Remote testing guide' })).id;
    // Development tokens read drafts, as the owner's session does (production ones read published versions only).
    readToken = await createApiToken(alice, ['blueprints:read'], 'development');
    writeToken = await createApiToken(alice, ['blueprints:read', 'blueprints:write'], 'development');
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await instance?.close();
  });

  describe('anonymous', () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect();
    });

    it('lists the tools, with bounded input schemas', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        'create_blueprint',
        'get_blueprint',
        'list_my_blueprints',
        'render_blueprint',
        'search_blueprints',
        'update_blueprint',
      ]);
      const search = tools.find((tool) => tool.name === 'search_blueprints');
      expect(search?.inputSchema.properties?.limit).toMatchObject({ maximum: 50 });
    });

    it('searches public blueprints, federated ones labelled with their origin, never private ones', async () => {
      const page = answer<{ items: Summary[] }>(
        await client.callTool({ name: 'search_blueprints', arguments: { limit: 50 } }),
      );
      const found = new Map(page.items.map((item) => [item.id, item]));
      expect(found.get(ids.alicePublic)?.origin).toMatchObject({ local: true });
      expect(found.get(ids.remote)?.origin).toMatchObject({ instance: 'prompts.example.org', local: false });
      expect(found.has(ids.alicePrivate)).toBe(false);
      expect(found.has(ids.bobPrivate)).toBe(false);
      const remoteOnly = answer<{ items: Summary[] }>(
        await client.callTool({ name: 'search_blueprints', arguments: { instance: 'prompts.example.org' } }),
      );
      expect(remoteOnly.items.map((item) => item.id)).toEqual([ids.remote]);
      const byWord = answer<{ items: Summary[] }>(
        await client.callTool({ name: 'search_blueprints', arguments: { query: 'quokka' } }),
      );
      expect(byWord.items.map((item) => item.id)).toEqual([ids.alicePublic]);
    });

    it('gets and renders a public blueprint, and hears "not found" for a private one', async () => {
      const detail = answer<{ id: string; content: string; slug: string; author: { handle: string } }>(
        await client.callTool({ name: 'get_blueprint', arguments: { id: ids.alicePublic } }),
      );
      expect(detail).toMatchObject({ id: ids.alicePublic, content: SAMPLE_RULE });
      const rendered = answer<{ format: string; path: string; content: string }>(
        await client.callTool({
          name: 'render_blueprint',
          arguments: { id: ids.alicePublic, format: 'agents-md', variables: { PROJECT: 'Wombat' } },
        }),
      );
      expect(rendered.format).toBe('agents-md');
      expect(rendered.path).toBe('AGENTS.md');
      expect(rendered.content).toContain('Name the project Wombat.');
      const hidden = await client.callTool({ name: 'get_blueprint', arguments: { id: ids.bobPrivate } });
      expect(refusal(hidden).code).toBe('BLUEPRINT_NOT_FOUND');

      // By owner and slug, as people write it: the same answer, and the same refusal for a private one.
      const byName = answer<{ id: string; slug: string; author: { handle: string } }>(
        await client.callTool({ name: 'get_blueprint', arguments: { owner: detail.author.handle, slug: detail.slug } }),
      );
      expect(byName.id).toBe(ids.alicePublic);
      const bobs = answer<{ author: { handle: string } }>(
        await client.callTool({ name: 'get_blueprint', arguments: { id: ids.bobPublic } }),
      );
      const privateByName = await client.callTool({
        name: 'get_blueprint',
        arguments: { owner: bobs.author.handle, slug: 'bob-secret-plans' },
      });
      expect(refusal(privateByName).code).toBe('BLUEPRINT_NOT_FOUND');
      expect(refusal(await client.callTool({ name: 'get_blueprint', arguments: { slug: 'x' } })).code).toBe(
        'MCP_BLUEPRINT_REF_REQUIRED',
      );
    });

    it('is refused the tools that need a token, with the API’s codes', async () => {
      expect(refusal(await client.callTool({ name: 'list_my_blueprints', arguments: {} })).code).toBe(
        'UNAUTHENTICATED',
      );
      const create = await client.callTool({
        name: 'create_blueprint',
        arguments: { name: 'Nope', kind: 'rules', format: 'agents-md', content: '# Nope\n' },
      });
      expect(refusal(create).code).toBe('UNAUTHENTICATED');
    });

    it('has no prompts, and lists and reads public blueprints as resources', async () => {
      expect((await client.listPrompts()).prompts).toEqual([]);
      const { resources } = await client.listResources();
      const uris = resources.map((resource) => resource.uri);
      expect(uris).toContain(`lynxprompt://blueprints/${ids.alicePublic}`);
      expect(uris).not.toContain(`lynxprompt://blueprints/${ids.alicePrivate}`);
      expect(uris).not.toContain(`lynxprompt://blueprints/${ids.bobPrivate}`);
      const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      expect(templates.sort()).toEqual([
        'lynxprompt://blueprints/{id}',
        'lynxprompt://blueprints/{id}/versions/{version}',
      ]);
      const read = await client.readResource({ uri: `lynxprompt://blueprints/${ids.alicePublic}` });
      expect(read.contents[0]).toMatchObject({ text: SAMPLE_RULE, mimeType: expect.stringMatching(/markdown/) });
      // A federated copy reads through the same URI.
      const remote = await client.readResource({ uri: `lynxprompt://blueprints/${ids.remote}` });
      expect(remote.contents[0]).toMatchObject({ text: REMOTE_RULE });
      const hidden = await client
        .readResource({ uri: `lynxprompt://blueprints/${ids.bobPrivate}` })
        .catch((error: unknown) => error);
      expect(hidden).toBeInstanceOf(McpError);
      expect((hidden as McpError).data).toMatchObject({ code: 'BLUEPRINT_NOT_FOUND' });
    });
  });

  describe('with an API token', () => {
    it('lists the caller’s own blueprints, private ones too (blueprints:read)', async () => {
      const client = await connect(bearer(readToken));
      const page = answer<{ items: Summary[] }>(await client.callTool({ name: 'list_my_blueprints', arguments: {} }));
      expect(page.items.map((item) => item.id).sort()).toEqual([ids.alicePublic, ids.alicePrivate].sort());
      const own = answer<{ id: string }>(
        await client.callTool({ name: 'get_blueprint', arguments: { id: ids.alicePrivate } }),
      );
      expect(own.id).toBe(ids.alicePrivate);
      // Another person's private blueprint stays out of reach with a token too.
      expect(refusal(await client.callTool({ name: 'get_blueprint', arguments: { id: ids.bobPrivate } })).code).toBe(
        'BLUEPRINT_NOT_FOUND',
      );
      const { resources } = await client.listResources();
      const uris = resources.map((resource) => resource.uri);
      expect(uris).toContain(`lynxprompt://blueprints/${ids.alicePrivate}`);
      expect(uris).not.toContain(`lynxprompt://blueprints/${ids.bobPrivate}`);
    });

    it('refuses writes without blueprints:write, naming the missing scope', async () => {
      const client = await connect(bearer(readToken));
      const refused = refusal(
        await client.callTool({
          name: 'create_blueprint',
          arguments: { name: 'Read-only try', kind: 'rules', format: 'agents-md', content: '# Try\n' },
        }),
      );
      expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { missingScopes: ['blueprints:write'] } });
      const update = refusal(
        await client.callTool({ name: 'update_blueprint', arguments: { id: ids.alicePublic, name: 'Renamed' } }),
      );
      expect(update.code).toBe('FORBIDDEN');
    });

    it('offers owned and favourited blueprints as prompts, filling their variables', async () => {
      const client = await connect(bearer(readToken));
      const { prompts } = await client.listPrompts();
      const byName = new Map(prompts.map((prompt) => [prompt.name, prompt]));
      // Bob's hidden rule is favourited too, but a prompt goes straight into the agent's context: it is left out.
      expect([...byName.keys()].sort()).toEqual(['alice-private', 'bob-shared-rule', 'quokka-conventions']);
      expect(byName.get('quokka-conventions')?.arguments?.map((argument) => argument.name)).toEqual(['PROJECT']);
      expect(byName.get('bob-shared-rule')?.arguments?.map((argument) => argument.name)).toEqual(['SERVICE']);
      const filled = await client.getPrompt({ name: 'quokka-conventions', arguments: { PROJECT: 'Numbat' } });
      const message = filled.messages[0]?.content;
      expect(message?.type === 'text' && message.text).toContain('Name the project Numbat.');
      // Without the argument the variable's default fills it.
      const defaulted = await client.getPrompt({ name: 'quokka-conventions', arguments: {} });
      const text = defaulted.messages[0]?.content;
      expect(text?.type === 'text' && text.text).toContain('Name the project acme.');
      await expect(client.getPrompt({ name: 'bob-secret-plans', arguments: {} })).rejects.toThrow();
    });

    it('creates and updates through the REST API’s rules: secret policy, revisions, validation', async () => {
      const client = await connect(bearer(writeToken));
      const created = answer<{ id: string; revision: number; visibility: string; headVersion: number }>(
        await client.callTool({
          name: 'create_blueprint',
          arguments: {
            name: 'Made over MCP',
            kind: 'rules',
            format: 'agents-md',
            content: '# Made over MCP\n\nUse [[TOOL|pnpm]].\n',
          },
        }),
      );
      expect(created).toMatchObject({ visibility: 'private', headVersion: 1 });
      const secret = refusal(
        await client.callTool({
          name: 'create_blueprint',
          arguments: {
            name: 'Leaky',
            kind: 'rules',
            format: 'agents-md',
            content: `# Leaky\n\nOPENAI_API_KEY=${OPENAI_KEY}\n`,
            visibility: 'public',
          },
        }),
      );
      expect(secret.code).toBe('SECRET_DETECTED');
      expect(JSON.stringify(secret)).not.toContain(OPENAI_KEY);
      const stale = refusal(
        await client.callTool({
          name: 'update_blueprint',
          arguments: { id: created.id, expectedRevision: created.revision + 5, content: '# Changed\n' },
        }),
      );
      expect(stale.code).toBe('PRECONDITION_FAILED');
      const updated = answer<{ headVersion: number; revision: number }>(
        await client.callTool({
          name: 'update_blueprint',
          arguments: { id: created.id, expectedRevision: created.revision, content: '# Changed\n' },
        }),
      );
      expect(updated.headVersion).toBe(2);
      const invalid = refusal(
        await client.callTool({ name: 'update_blueprint', arguments: { id: created.id, slug: 'Not A Slug' } }),
      );
      expect(invalid.code).toBe('VALIDATION_FAILED');
      const others = refusal(
        await client.callTool({ name: 'update_blueprint', arguments: { id: ids.bobPrivate, name: 'Mine now' } }),
      );
      expect(others.code).toBe('BLUEPRINT_NOT_FOUND');
      const version = await client.readResource({ uri: `lynxprompt://blueprints/${created.id}/versions/1` });
      expect(version.contents[0]).toMatchObject({ text: '# Made over MCP\n\nUse [[TOOL|pnpm]].\n' });
      const latest = await client.readResource({ uri: `lynxprompt://blueprints/${created.id}` });
      expect(latest.contents[0]).toMatchObject({ text: '# Changed\n' });
    });
  });

  describe('session cookies', () => {
    it('never authenticate /mcp: a cookie-only caller is anonymous', async () => {
      const client = await connect({ Cookie: alice.sessionCookie, ...alice.writeHeaders });
      expect(refusal(await client.callTool({ name: 'list_my_blueprints', arguments: {} })).code).toBe(
        'UNAUTHENTICATED',
      );
      expect(refusal(await client.callTool({ name: 'get_blueprint', arguments: { id: ids.alicePrivate } })).code).toBe(
        'BLUEPRINT_NOT_FOUND',
      );
      expect((await client.listPrompts()).prompts).toEqual([]);
      // A cross-site page carries the cookie without the CSRF token: still just anonymous, not a CSRF refusal.
      const crossSite = await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }), {
        Cookie: alice.sessionCookie,
        Origin: 'https://evil.example',
      });
      expect(crossSite.status).toBe(200);
    });
  });

  describe('hostile and careless input', () => {
    it('answers bad JSON-RPC, unknown tools and bad arguments with clear errors, never a 500', async () => {
      const notRpc = await post(JSON.stringify({ hello: 'world' }));
      expect(notRpc.status).toBe(400);
      expect(await notRpc.json()).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number) } });
      const malformed = await post('{"jsonrpc":');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
      const client = await connect();
      const unknown = await client.callTool({ name: 'drop_tables', arguments: {} }).catch((error: Error) => error);
      expect(String(unknown instanceof Error ? unknown.message : JSON.stringify(unknown))).toMatch(/drop_tables/);
      const badLimit = await client.callTool({ name: 'search_blueprints', arguments: { limit: 1000 } });
      expect(badLimit.isError).toBe(true);
      const badId = refusal(await client.callTool({ name: 'get_blueprint', arguments: { id: '../../etc/passwd' } }));
      expect(badId.code).toBe('BLUEPRINT_NOT_FOUND');
      const badSort = refusal(
        await client.callTool({ name: 'search_blueprints', arguments: { tool: 'no-such-tool' } }),
      );
      expect(badSort.code).toBe('UNKNOWN_TOOL');
      await expect(client.readResource({ uri: 'lynxprompt://blueprints/x/versions/0' })).rejects.toThrow();
      await expect(client.getPrompt({ name: 'anything', arguments: {} })).rejects.toThrow(/anything/);
    });

    it('bounds batches and bodies, and answers GET and DELETE with 405 in the error envelope', async () => {
      const batch = Array.from({ length: 21 }, (_, index) => ({ jsonrpc: '2.0', id: index, method: 'ping' }));
      const tooMany = await post(JSON.stringify(batch));
      expect(tooMany.status).toBe(413);
      expect(await tooMany.json()).toMatchObject({ error: { code: 'MCP_BATCH_TOO_LARGE' } });
      const huge = await post(
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'search_blueprints', arguments: { query: 'x'.repeat(2 * 1024 * 1024) } },
        }),
      );
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      const form = await post('a=b', { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      for (const method of ['GET', 'DELETE']) {
        const response = await fetch(new URL('/mcp', instance.url), {
          method,
          headers: { Accept: 'text/event-stream' },
        });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('POST');
        expect(await response.json()).toMatchObject({ error: { code: 'MCP_METHOD_NOT_ALLOWED' } });
      }
    });
  });
});
