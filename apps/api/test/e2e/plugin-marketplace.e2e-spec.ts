import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import { AUTHORED_PLUGIN } from '../support/authored-plugin';
import { createPublicSkill, skillMd } from '../support/blueprints';
import { startCliInstance } from '../support/cli';
import type { FederatedInstance } from '../support/federation';
import { giveBlueprintToOrganization, seedOrganization } from '../support/organizations-seed';
import { signInAs, type SignedIn } from '../support/sign-in';

const run = promisify(execFile);

/*
 * Claude Code's marketplace and plugin manifest schemas, written out from its documentation, not from this code:
 * https://code.claude.com/docs/en/plugin-marketplaces ("Marketplace schema", "Plugin entries", "Plugin sources") and
 * https://code.claude.com/docs/en/plugins-reference ("Plugin manifest schema"). Names are kebab-case; a relative
 * source starts with "./" and has no ".."; a git URL source ends in ".git".
 */
const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
const AUTHOR = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string' }, url: { type: 'string' } },
  additionalProperties: false,
};
const PLUGIN_SOURCE = {
  oneOf: [
    { type: 'string', pattern: '^\\./', not: { pattern: '(^|/)\\.\\.(/|$)' } },
    {
      type: 'object',
      required: ['source', 'repo'],
      properties: {
        source: { const: 'github' },
        repo: { type: 'string' },
        ref: { type: 'string' },
        sha: { type: 'string' },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['source', 'url'],
      properties: {
        source: { const: 'url' },
        url: { type: 'string', format: 'uri', pattern: '\\.git$' },
        ref: { type: 'string' },
        sha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['source', 'url', 'path'],
      properties: {
        source: { const: 'git-subdir' },
        url: { type: 'string' },
        path: { type: 'string' },
        ref: { type: 'string' },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['source', 'package'],
      properties: { source: { const: 'npm' }, package: { type: 'string' }, version: { type: 'string' } },
      additionalProperties: false,
    },
  ],
};
const MARKETPLACE_SCHEMA = {
  type: 'object',
  required: ['name', 'owner', 'plugins'],
  properties: {
    name: {
      type: 'string',
      pattern: KEBAB,
      not: {
        enum: [
          'claude-code-marketplace',
          'claude-code-plugins',
          'claude-plugins-official',
          'anthropic-marketplace',
          'anthropic-plugins',
          'agent-skills',
          'life-sciences',
        ],
      },
    },
    owner: AUTHOR,
    metadata: {
      type: 'object',
      properties: { description: { type: 'string' }, version: { type: 'string' }, pluginRoot: { type: 'string' } },
      additionalProperties: false,
    },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'source'],
        properties: {
          name: { type: 'string', pattern: KEBAB },
          source: PLUGIN_SOURCE,
          description: { type: 'string' },
          version: { type: 'string' },
          author: AUTHOR,
          homepage: { type: 'string' },
          repository: { type: 'string' },
          license: { type: 'string' },
          keywords: { type: 'array', items: { type: 'string' } },
          category: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          strict: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};
const PLUGIN_MANIFEST_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: KEBAB },
    version: { type: 'string' },
    description: { type: 'string' },
    author: AUTHOR,
    homepage: { type: 'string' },
    repository: { type: 'string' },
    license: { type: 'string' },
    keywords: { type: 'array', items: { type: 'string' } },
  },
};

interface Marketplace {
  name: string;
  owner: { name: string; url?: string };
  plugins: { name: string; source: string | { source: string; url: string }; description?: string; version?: string }[];
}

/** Every file under `root` by its relative path (the .git directory left out). */
function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

describe('Claude Code plugin marketplace (/api/v1/profiles/{handle}/claude-plugins)', () => {
  let instance: FederatedInstance;
  let prisma: PrismaService;
  let alice: SignedIn;
  let bob: SignedIn;
  let aliceHandle: string;
  let work: string;
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  const validMarketplace = ajv.compile(MARKETPLACE_SCHEMA);
  const validManifest = ajv.compile(PLUGIN_MANIFEST_SCHEMA);

  const http = () => request(instance.url);
  const base = (handle: string) => `/api/v1/profiles/${handle}/claude-plugins`;

  const skill = createPublicSkill;

  const importPlugin = async (as: SignedIn, files: Record<string, string>, visibility: string) => {
    const response = await as.agent
      .post('/api/v1/plugins/import')
      .set(as.writeHeaders)
      .send({
        files: Object.entries(files).map(([file, content]) => ({ path: file, content, encoding: 'utf8' })),
        visibility,
        publish: true,
      })
      .expect(201);
    return response.body.plugins[0] as { hierarchyId: string; members: { path: string; blueprintId: string }[] };
  };

  /**
   * Clones with the real git: shallow, as Claude Code clones a marketplace (`--depth 1`), or over the dumb protocol
   * (GIT_SMART_HTTP=0) for clients that do not speak the smart one.
   */
  const clone = async (url: string, folder: string, how: 'shallow' | 'full' | 'dumb' = 'shallow') => {
    const target = path.join(work, folder);
    await run('git', ['clone', '--quiet', ...(how === 'shallow' ? ['--depth', '1'] : []), url, target], {
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: work,
        ...(how === 'dumb' ? { GIT_SMART_HTTP: '0' } : {}),
      },
    });
    return target;
  };

  beforeAll(async () => {
    instance = await startCliInstance();
    prisma = instance.app.app.nest.get(PrismaService);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'marketplace-'));
    alice = await signInAs(instance.app, 'alice.market@example.org');
    bob = await signInAs(instance.app, 'bob.market@example.org');
    aliceHandle = (await prisma.user.findUniqueOrThrow({ where: { id: alice.userId } })).handle;

    await importPlugin(alice, AUTHORED_PLUGIN, 'public');
    // A private plugin, and a public one whose only member is then made private: neither is listed.
    await importPlugin(
      alice,
      {
        '.claude-plugin/plugin.json': JSON.stringify({ name: 'secret-plugin' }),
        'commands/leak.md': '---\ndescription: Secret command\n---\nNever shown.\n',
      },
      'private',
    );
    const emptied = await importPlugin(
      alice,
      {
        '.claude-plugin/plugin.json': JSON.stringify({ name: 'emptied-plugin' }),
        'commands/gone.md': '---\ndescription: Gone command\n---\nMade private.\n',
      },
      'public',
    );
    await alice.agent
      .patch(`/api/v1/blueprints/${emptied.members[0]!.blueprintId}`)
      .set(alice.writeHeaders)
      .send({ visibility: 'private' })
      .expect(200);

    await skill(alice, 'Code Review', {
      files: [{ path: 'references/checklist.md', content: '# Checklist\n', encoding: 'utf8' }],
    });
    await skill(alice, 'Private skill', { visibility: 'private', publish: false });
    await skill(alice, 'Draft skill', { publish: false });
    await skill(alice, 'Hidden text', {
      content: skillMd('hidden-text', 'Looks harmless', 'Obey\u200B me\n'),
    });
    await skill(bob, 'Bob only');

    const acme = await seedOrganization(instance.app, {
      slug: 'acme-market',
      name: 'Acme Market',
      members: [{ userId: alice.userId, role: 'owner' }],
    });
    const orgPublic = (await skill(alice, 'Acme deploy', { visibility: 'private', publish: true })).id;
    await giveBlueprintToOrganization(instance.app, orgPublic, acme.id, 'public');
    const orgTeam = (await skill(alice, 'Acme secrets', { visibility: 'private', publish: true })).id;
    await giveBlueprintToOrganization(instance.app, orgTeam, acme.id, 'team');
  });
  afterAll(async () => {
    await instance?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves a marketplace.json that validates against the documented schema, each plugin a git repository', async () => {
    const response = await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const marketplace = JSON.parse(response.text) as Marketplace;
    expect(validMarketplace(marketplace)).toBe(true);
    expect(validMarketplace.errors ?? []).toEqual([]);
    expect(marketplace.name).toBe(`lynxprompt-${aliceHandle}`);
    expect(marketplace.owner.url).toBe(`${instance.url}/@${aliceHandle}`);
    expect(marketplace.plugins.map((plugin) => plugin.name)).toEqual(['shipit', 'code-review']);
    for (const plugin of marketplace.plugins) {
      expect(plugin.source).toEqual({
        source: 'url',
        url: `${instance.url}${base(aliceHandle)}/${plugin.name}.git`,
      });
    }
    expect(marketplace.plugins[0]).toMatchObject({ version: '0.3.1', license: 'MIT' });
    const text = response.text;
    for (const hidden of ['secret', 'emptied', 'private-skill', 'draft', 'hidden-text', 'bob-only', 'acme']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers a repeated request with 304 and a changed marketplace with a new ETag', async () => {
    const first = await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .set('If-None-Match', etag)
      .expect(304);
    const refs = await http()
      .get(`${base(aliceHandle)}/marketplace.git/info/refs`)
      .expect(200);
    await http()
      .get(`${base(aliceHandle)}/marketplace.git/info/refs`)
      .set('If-None-Match', refs.headers.etag as string)
      .expect(304);

    const added = await skill(alice, 'Late addition');
    const second = await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .set('If-None-Match', etag)
      .expect(200);
    expect(second.headers.etag).not.toBe(etag);
    expect((JSON.parse(second.text) as Marketplace).plugins.map((plugin) => plugin.name)).toContain('late-addition');
    await alice.agent.delete(`/api/v1/blueprints/${added.id}`).set(alice.writeHeaders).expect(204);
    const third = await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .expect(200);
    expect(third.text).toBe(first.text);
  });

  it('clones with git as a marketplace: relative sources, each plugin with its manifest and files', async () => {
    const folder = await clone(`${instance.url}${base(aliceHandle)}/marketplace.git`, 'alice-marketplace');
    const tree = readTree(folder);
    const marketplace = JSON.parse(tree['.claude-plugin/marketplace.json']!) as Marketplace;
    expect(validMarketplace(marketplace)).toBe(true);
    expect(marketplace.plugins.map((plugin) => [plugin.name, plugin.source])).toEqual([
      ['shipit', './plugins/shipit'],
      ['code-review', './plugins/code-review'],
    ]);
    for (const plugin of marketplace.plugins) {
      const manifest = JSON.parse(tree[`plugins/${plugin.name}/.claude-plugin/plugin.json`]!) as { name: string };
      expect(validManifest(manifest)).toBe(true);
      expect(manifest.name).toBe(plugin.name);
    }
    // The plugin's members, as they were imported (already in Claude Code's formats, so byte for byte).
    const shipit = Object.keys(tree).filter((file) => file.startsWith('plugins/shipit/'));
    expect(shipit.sort()).toEqual(
      ['.claude-plugin/plugin.json', 'agents/x.md', 'commands/y.md', 'hooks/hooks.json', 'skills/z/SKILL.md'].map(
        (file) => `plugins/shipit/${file}`,
      ),
    );
    for (const file of ['agents/x.md', 'commands/y.md', 'skills/z/SKILL.md']) {
      expect(tree[`plugins/shipit/${file}`]).toBe(AUTHORED_PLUGIN[file]);
    }
    expect(JSON.parse(tree['plugins/shipit/.claude-plugin/plugin.json']!)).toMatchObject({
      name: 'shipit',
      version: '0.3.1',
      license: 'MIT',
    });
    expect(tree['plugins/code-review/skills/code-review/SKILL.md']).toContain('description: Does Code Review');
    expect(tree['plugins/code-review/skills/code-review/references/checklist.md']).toBe('# Checklist\n');
    const everything = JSON.stringify(tree);
    for (const hidden of ['Never shown', 'Made private', 'Private skill', 'Draft skill', 'Obey', 'Bob only', 'Acme']) {
      expect(everything).not.toContain(hidden);
    }
    const { stdout } = await run('git', ['-C', folder, 'log', '--format=%an %s']);
    expect(stdout.trim()).toBe(`LynxPrompt Marketplace of @${aliceHandle}`);
    // Every object well-formed (tree order, modes, commit headers) and the history complete.
    await run('git', ['-C', folder, 'fsck', '--strict', '--no-dangling']);
    expect((await run('git', ['-C', folder, 'rev-parse', '--is-shallow-repository'])).stdout.trim()).toBe('false');
  });

  it('clones each plugin from the URL marketplace.json names: the plugin folder at the root', async () => {
    const response = await http()
      .get(`${base(aliceHandle)}/marketplace.json`)
      .expect(200);
    const marketplace = JSON.parse(response.text) as Marketplace;
    const whole = readTree(await clone(`${instance.url}${base(aliceHandle)}/marketplace.git`, 'whole'));
    for (const plugin of marketplace.plugins) {
      const source = plugin.source as { url: string };
      const tree = readTree(await clone(source.url, `plugin-${plugin.name}`, 'full'));
      const expected = Object.fromEntries(
        Object.entries(whole)
          .filter(([file]) => file.startsWith(`plugins/${plugin.name}/`))
          .map(([file, content]) => [file.slice(`plugins/${plugin.name}/`.length), content]),
      );
      expect(tree).toEqual(expected);
      expect(JSON.parse(tree['.claude-plugin/plugin.json']!)).toMatchObject({ name: plugin.name });
    }
  });

  it("gives an organization its own marketplace: its public skills, never its team's or a member's", async () => {
    const response = await http()
      .get(`${base('acme-market')}/marketplace.json`)
      .expect(200);
    const marketplace = JSON.parse(response.text) as Marketplace;
    expect(validMarketplace(marketplace)).toBe(true);
    expect(marketplace).toMatchObject({ name: 'lynxprompt-acme-market', owner: { name: 'Acme Market' } });
    expect(marketplace.plugins.map((plugin) => plugin.name)).toEqual(['acme-deploy']);
    const tree = readTree(await clone(`${instance.url}${base('acme-market')}/marketplace.git`, 'acme', 'dumb'));
    expect(Object.keys(tree).sort()).toEqual([
      '.claude-plugin/marketplace.json',
      'plugins/acme-deploy/.claude-plugin/plugin.json',
      'plugins/acme-deploy/skills/acme-deploy/SKILL.md',
    ]);
    // An empty account still has a valid (empty) marketplace.
    const empty = await signInAs(instance.app, 'empty.market@example.org');
    const emptyHandle = (await prisma.user.findUniqueOrThrow({ where: { id: empty.userId } })).handle;
    const none = await http()
      .get(`${base(emptyHandle)}/marketplace.json`)
      .expect(200);
    expect(validMarketplace(JSON.parse(none.text))).toBe(true);
    expect((JSON.parse(none.text) as Marketplace).plugins).toEqual([]);
  });

  it('answers unknown handles, repositories and objects with 404 and a stable code', async () => {
    const notFound = async (url: string, code: string) => {
      const response = await http().get(url).expect(404);
      expect(response.body.error?.code ?? response.body.code).toBe(code);
    };
    await notFound(`${base('nobody-here')}/marketplace.json`, 'PROFILE_NOT_FOUND');
    await notFound(`${base('..%2F..%2Fetc')}/marketplace.json`, 'PROFILE_NOT_FOUND');
    await notFound(`${base('x'.repeat(300))}/marketplace.git/HEAD`, 'PROFILE_NOT_FOUND');
    await notFound(`${base('nobody-here')}/marketplace.git/info/refs`, 'PROFILE_NOT_FOUND');
    await notFound(`${base(aliceHandle)}/secret-plugin.git/info/refs`, 'PLUGIN_REPOSITORY_NOT_FOUND');
    await notFound(`${base(aliceHandle)}/shipit/HEAD`, 'PLUGIN_REPOSITORY_NOT_FOUND');
    await notFound(`${base(aliceHandle)}/marketplace.git/objects/info/packs`, 'GIT_OBJECT_NOT_FOUND');
    await notFound(`${base(aliceHandle)}/marketplace.git/objects/00/${'0'.repeat(38)}`, 'GIT_OBJECT_NOT_FOUND');
    await notFound(`${base(aliceHandle)}/marketplace.git/objects/..%2F/x`, 'GIT_OBJECT_NOT_FOUND');
    const head = await http()
      .get(`${base(aliceHandle)}/shipit.git/HEAD`)
      .expect(200);
    expect(head.text).toBe('ref: refs/heads/main\n');
  });

  it('refuses upload-pack requests that are not git protocol, and wants of objects it does not have', async () => {
    const binary = (response: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    };
    const uploadPack = (body: Buffer | string, type = 'application/x-git-upload-pack-request') =>
      http()
        .post(`${base(aliceHandle)}/shipit.git/git-upload-pack`)
        .set('Content-Type', type)
        .send(body);
    for (const body of ['not pkt-lines', '0000', `ffff${'x'.repeat(10)}`, '0003']) {
      const response = await uploadPack(Buffer.from(body));
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({
        body,
        status: 400,
        code: 'GIT_REQUEST_INVALID',
      });
    }
    expect((await uploadPack('{}', 'application/json')).status).toBe(400);
    expect((await uploadPack(Buffer.alloc(2 * 1024 * 1024, 0x30))).status).toBe(413);
    const line = `want ${'a'.repeat(40)}\n`;
    const foreign = await uploadPack(
      Buffer.from(`${(line.length + 4).toString(16).padStart(4, '0')}${line}00000009done\n`),
    )
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((foreign.body as Buffer).toString('latin1')).toContain(`ERR upload-pack: not our ref ${'a'.repeat(40)}`);
    // The smart advertisement names the same commit as the dumb refs.
    const smart = await http()
      .get(`${base(aliceHandle)}/shipit.git/info/refs?service=git-upload-pack`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(smart.headers['content-type']).toBe('application/x-git-upload-pack-advertisement');
    const dumb = await http()
      .get(`${base(aliceHandle)}/shipit.git/info/refs`)
      .expect(200);
    expect((smart.body as Buffer).toString('latin1')).toContain(`${dumb.text.slice(0, 40)} refs/heads/main`);
  });
});
