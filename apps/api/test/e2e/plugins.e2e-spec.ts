import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Client } from 'pg';
import { importFile } from '@lynxprompt/formats';
import {
  corpusDir,
  isCorpusAssembled,
  NOT_ASSEMBLED_NOTE,
  readCorpusBytes,
  readCorpusFile,
} from '../fixtures/corpus/corpus';
import { corpusFolder, multiToolUpload, officialPluginsUpload, type UploadFile } from '../support/plugin-uploads';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const OFFICIAL = 'anthropics+claude-plugins-official';
/** The real plugins come from the repository corpus; without it those cases are skipped (npm test assembles it). */
const withCorpus = isCorpusAssembled() ? it : it.skip;
if (!isCorpusAssembled()) console.warn(NOT_ASSEMBLED_NOTE);

interface ImportedMember {
  path: string;
  blueprintId: string;
  kind: string;
  format: string;
  notes: string[];
  files: string[];
}
interface ImportedPlugin {
  hierarchyId: string;
  name: string;
  tool: string;
  hooks: boolean;
  members: ImportedMember[];
  skipped: { path: string; reason: string }[];
}

function binary(
  response: { on: (event: string, listener: (chunk?: Buffer) => void) => void },
  done: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk) => chunks.push(chunk!));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('Plugins: import as hierarchies, export as installable plugins', () => {
  let testApp: TestApp;
  let user: SignedIn;
  let other: SignedIn;
  let database: Client;

  beforeAll(async () => {
    // A whole marketplace of real plugins is a few megabytes of JSON.
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: { BODY_LIMIT_BYTES: String(8 * 1024 * 1024) },
    });
    user = await signInAs(testApp, 'plugins@example.org');
    other = await signInAs(testApp, 'other@example.org');
    database = new Client({ connectionString: testApp.database.url });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await testApp?.close();
  });

  async function importPlugins(files: UploadFile[], as: SignedIn = user, status = 201) {
    return as.agent.post('/api/v1/plugins/import').set(as.writeHeaders).send({ files }).expect(status);
  }

  async function downloadRaw(
    url: string,
    as: SignedIn | undefined,
    status = 200,
  ): Promise<{ files: Record<string, Uint8Array>; report: string | undefined }> {
    const request = (as ? as.agent : testApp.http).get(url).buffer(true).parse(binary);
    const response = await request.expect(status);
    if (status !== 200) return { files: {}, report: undefined };
    expect(response.headers['content-type']).toBe('application/zip');
    return {
      files: unzipSync(new Uint8Array(response.body as Buffer)),
      report: response.headers['x-conversion-report'] as string | undefined,
    };
  }

  async function download(url: string, as: SignedIn | undefined, status = 200): Promise<Record<string, string>> {
    const { files } = await downloadRaw(url, as, status);
    return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  }

  async function countOwned(userId: string): Promise<{ hierarchies: number; blueprints: number }> {
    const hierarchies = await database.query(
      'SELECT count(*)::int AS n FROM blueprint_hierarchies WHERE owner_id = $1',
      [userId],
    );
    const blueprints = await database.query('SELECT count(*)::int AS n FROM blueprints WHERE owner_id = $1', [userId]);
    return { hierarchies: hierarchies.rows[0].n as number, blueprints: blueprints.rows[0].n as number };
  }

  async function contentOf(as: SignedIn, blueprintId: string): Promise<string> {
    const response = await as.agent.get(`/api/v1/blueprints/${blueprintId}`).expect(200);
    return response.body.content as string;
  }

  withCorpus(
    'imports a real marketplace of two Claude Code plugins, exports each back, and the export re-imports with the same meaning',
    async () => {
      const imported = await importPlugins(officialPluginsUpload());
      const plugins = imported.body.plugins as ImportedPlugin[];
      expect(plugins.map((plugin) => [plugin.name, plugin.tool, plugin.hooks])).toEqual([
        ['hookify', 'claude-code', true],
        ['example-plugin', 'claude-code', false],
      ]);
      const [hookify, example] = plugins as [ImportedPlugin, ImportedPlugin];
      expect(hookify.members.map((member) => `${member.path} ${member.kind} ${member.format}`)).toEqual([
        'agents/conversation-analyzer.md agent claude-agent',
        'commands/configure.md command claude-command',
        'commands/help.md command claude-command',
        'commands/hookify.md command claude-command',
        'commands/list.md command claude-command',
        'hooks/hooks.json settings claude-settings',
        'skills/writing-rules/SKILL.md skill claude-skill',
      ]);
      expect(example.members.map((member) => `${member.path} ${member.kind}`)).toEqual([
        '.mcp.json mcp-config',
        'commands/example-command.md command',
        'skills/example-command/SKILL.md skill',
        'skills/example-skill/SKILL.md skill',
      ]);
      expect(hookify.skipped.map((file) => file.path)).toEqual(
        expect.arrayContaining(['plugins/hookify/hooks/pretooluse.py', 'plugins/hookify/LICENSE']),
      );

      // The hierarchy is a tree of the members at their plugin paths, and keeps the manifest and the hooks.
      const tree = await user.agent.get(`/api/v1/hierarchies/${hookify.hierarchyId}`).expect(200);
      expect(tree.body.name).toBe('hookify');
      expect((tree.body.blueprints as { repositoryPath: string }[]).map((member) => member.repositoryPath)).toEqual(
        hookify.members.map((member) => member.path),
      );
      const stored = await database.query('SELECT plugin_manifest FROM blueprint_hierarchies WHERE id = $1', [
        hookify.hierarchyId,
      ]);
      expect(stored.rows[0].plugin_manifest).toMatchObject({
        tool: 'claude-code',
        manifests: { 'claude-code': { name: 'hookify', author: { name: 'Anthropic' } } },
        marketplaceEntries: { 'claude-code': { name: 'hookify', category: 'productivity' } },
      });
      // hooks/hooks.json is a member (kind settings), not kept with the manifest.
      expect(stored.rows[0].plugin_manifest).not.toHaveProperty('hooks');

      // Export: an installable plugin under plugins/<name>/, listed in the marketplace, with CONVERSION.md.
      const zip = await download(`/api/v1/hierarchies/${hookify.hierarchyId}/plugin?tool=claude-code`, user);
      expect(Object.keys(zip).sort()).toEqual([
        '.claude-plugin/marketplace.json',
        'CONVERSION.md',
        'plugins/hookify/.claude-plugin/plugin.json',
        'plugins/hookify/agents/conversation-analyzer.md',
        'plugins/hookify/commands/configure.md',
        'plugins/hookify/commands/help.md',
        'plugins/hookify/commands/hookify.md',
        'plugins/hookify/commands/list.md',
        'plugins/hookify/hooks/hooks.json',
        'plugins/hookify/skills/writing-rules/SKILL.md',
      ]);
      expect(JSON.parse(zip['plugins/hookify/.claude-plugin/plugin.json']!)).toEqual(
        JSON.parse(readCorpusFile(`${OFFICIAL}/plugins/hookify/.claude-plugin/plugin.json`)),
      );
      expect(JSON.parse(zip['plugins/hookify/hooks/hooks.json']!)).toEqual(
        JSON.parse(readCorpusFile(`${OFFICIAL}/plugins/hookify/hooks/hooks.json`)),
      );
      const marketplace = JSON.parse(zip['.claude-plugin/marketplace.json']!);
      expect(marketplace).toMatchObject({
        owner: { name: expect.any(String) },
        plugins: [{ name: 'hookify', source: './plugins/hookify' }],
      });
      expect(zip['CONVERSION.md']).toContain('hooks/pretooluse.py');

      // The export, uploaded again, gives a hierarchy whose every member means what the first one's does.
      const upload = Object.entries(zip)
        .filter(([name]) => name !== 'CONVERSION.md')
        .map(([name, content]) => ({ path: name, content, encoding: 'utf8' as const }));
      const again = (await importPlugins(upload)).body.plugins as ImportedPlugin[];
      expect(again).toHaveLength(1);
      expect(again[0]!.members.map((member) => member.path)).toEqual(hookify.members.map((member) => member.path));
      for (const [index, member] of hookify.members.entries()) {
        const copy = again[0]!.members[index]!;
        expect(copy.format).toBe(member.format);
        const first = importFile({
          content: await contentOf(user, member.blueprintId),
          format: member.format,
        }).document;
        const second = importFile({ content: await contentOf(user, copy.blueprintId), format: copy.format }).document;
        expect(second).toEqual(first);
      }

      // The MCP member and the Cursor layout of the example plugin.
      const cursor = await download(`/api/v1/hierarchies/${example.hierarchyId}/plugin?tool=cursor`, user);
      expect(Object.keys(cursor).sort()).toEqual([
        '.cursor-plugin/marketplace.json',
        'CONVERSION.md',
        'plugins/example-plugin/.cursor-plugin/plugin.json',
        'plugins/example-plugin/commands/example-command.md',
        'plugins/example-plugin/mcp.json',
        'plugins/example-plugin/skills/example-command/SKILL.md',
        'plugins/example-plugin/skills/example-skill/SKILL.md',
      ]);
      expect(JSON.parse(cursor['plugins/example-plugin/mcp.json']!)).toEqual({
        mcpServers: { 'example-server': { url: 'https://mcp.example.com/api' } },
      });
      expect(cursor['CONVERSION.md']).toMatch(/derived `manifest`: written from the claude-code manifest/);

      // Same read rule as the archive: private members are nobody else's.
      await download(`/api/v1/hierarchies/${hookify.hierarchyId}/plugin`, other, 404);
      await download(`/api/v1/hierarchies/${hookify.hierarchyId}/plugin`, undefined, 404);
      const unknown = await user.agent.get(`/api/v1/hierarchies/${hookify.hierarchyId}/plugin?tool=vim`).expect(400);
      expect(unknown.body.error.code).toBe('PLUGIN_UNKNOWN_TOOL');
    },
  );

  withCorpus('imports the whole official marketplace: every listed plugin, the lenient agents included', async () => {
    const reader = await signInAs(testApp, 'marketplace@example.org');
    const names = fs.readdirSync(path.join(corpusDir, OFFICIAL, 'plugins')).sort();
    const files = [
      {
        path: '.claude-plugin/marketplace.json',
        content: readCorpusFile(`${OFFICIAL}/.claude-plugin/marketplace.json`),
        encoding: 'utf8' as const,
      },
      ...names.flatMap((name) => corpusFolder(OFFICIAL, `plugins/${name}`)),
    ];
    const response = await importPlugins(files, reader);
    const plugins = response.body.plugins as ImportedPlugin[];
    // example-plugin is the one folder the marketplace does not list.
    expect(plugins.map((plugin) => plugin.name).sort()).toEqual(names.filter((name) => name !== 'example-plugin'));
    const skipped = response.body.skipped as { path: string; reason: string }[];
    expect(skipped.filter((file) => file.path.startsWith('plugins/example-plugin/')).length).toBeGreaterThan(0);
    const toolkit = plugins.find((plugin) => plugin.name === 'pr-review-toolkit')!;
    const hunter = toolkit.members.find((member) => member.path === 'agents/silent-failure-hunter.md');
    expect(hunter?.format).toBe('claude-agent');
    expect(hunter?.notes).toEqual([expect.stringMatching(/read as plain text/)]);
    const members = plugins.reduce((count, plugin) => count + plugin.members.length, 0);
    expect(await countOwned(reader.userId)).toEqual({ hierarchies: plugins.length, blueprints: members });
  });

  withCorpus("keeps a skill's attached files: stored with it, exported byte for byte beside its SKILL.md", async () => {
    const owner = await signInAs(testApp, 'skills@example.org');
    const folder = 'plugins/skill-creator';
    const upload = corpusFolder(OFFICIAL, folder).map((file) => ({
      ...file,
      path: file.path.slice(folder.length + 1),
    }));
    const [plugin] = (await importPlugins(upload, owner)).body.plugins as ImportedPlugin[];
    const skill = plugin!.members.find((member) => member.kind === 'skill')!;
    const expected = upload
      .filter((file) => file.path.startsWith('skills/skill-creator/') && !file.path.endsWith('/SKILL.md'))
      .map((file) => file.path.slice('skills/skill-creator/'.length))
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect([...skill.files].sort()).toEqual(expected);

    const claude = await downloadRaw(`/api/v1/hierarchies/${plugin!.hierarchyId}/plugin`, owner);
    for (const file of expected) {
      const bytes = claude.files[`plugins/skill-creator/skills/skill-creator/${file}`];
      expect(
        bytes && Buffer.from(bytes).equals(readCorpusBytes(`${OFFICIAL}/${folder}/skills/skill-creator/${file}`)),
      ).toBe(true);
    }
    // Only the marketplace's name and owner were derived: the header says nothing was lost.
    expect(claude.report).toMatch(/^lossless/);
    expect(strFromU8(claude.files['CONVERSION.md']!)).toContain(
      `Attached files, copied unchanged (${expected.length})`,
    );

    const codex = await downloadRaw(`/api/v1/hierarchies/${plugin!.hierarchyId}/plugin?tool=codex`, owner);
    expect(Object.keys(codex.files)).toContain('plugins/skill-creator/skills/skill-creator/SKILL.md');
    expect(codex.report).toEqual(expect.any(String));
    expect(codex.report).toMatch(/derived=.*marketplace:category/);
  });

  withCorpus('exports to others only the members they may read, published and public', async () => {
    const author = await signInAs(testApp, 'publisher@example.org');
    const files = corpusFolder(OFFICIAL, 'plugins/example-plugin').map((file) => ({
      ...file,
      path: file.path.slice('plugins/example-plugin/'.length),
    }));
    const response = await author.agent
      .post('/api/v1/plugins/import')
      .set(author.writeHeaders)
      .send({ files, visibility: 'public', publish: true })
      .expect(201);
    const [plugin] = response.body.plugins as ImportedPlugin[];
    const hidden = plugin!.members.find((member) => member.path === 'skills/example-skill/SKILL.md')!;
    await author.agent
      .patch(`/api/v1/blueprints/${hidden.blueprintId}`)
      .set(author.writeHeaders)
      .send({ visibility: 'private' })
      .expect(200);

    const seen = await download(`/api/v1/hierarchies/${plugin!.hierarchyId}/plugin`, undefined);
    expect(Object.keys(seen).sort()).toEqual([
      '.claude-plugin/marketplace.json',
      'CONVERSION.md',
      'plugins/example-plugin/.claude-plugin/plugin.json',
      'plugins/example-plugin/.mcp.json',
      'plugins/example-plugin/commands/example-command.md',
      'plugins/example-plugin/skills/example-command/SKILL.md',
    ]);
    expect(seen['CONVERSION.md']).not.toContain('example-skill');
    const own = await download(`/api/v1/hierarchies/${plugin!.hierarchyId}/plugin`, author);
    expect(Object.keys(own)).toContain('plugins/example-plugin/skills/example-skill/SKILL.md');
  });

  withCorpus(
    'imports a repository with a marketplace per tool and exports it for Codex with its own entry and manifest',
    async () => {
      const imported = await importPlugins(multiToolUpload(['conductor']));
      const [conductor] = imported.body.plugins as (ImportedPlugin & { manifests: string[] })[];
      expect(conductor).toMatchObject({ name: 'conductor', tool: 'claude-code', manifests: ['claude-code', 'codex'] });
      const zip = await download(`/api/v1/hierarchies/${conductor!.hierarchyId}/plugin?tool=codex`, user);
      const codexManifest = JSON.parse(readCorpusFile('wshobson+agents/plugins/conductor/.codex-plugin/plugin.json'));
      const { skills: _skills, ...expected } = codexManifest;
      expect(JSON.parse(zip['plugins/conductor/.codex-plugin/plugin.json']!)).toEqual(expected);
      const marketplace = JSON.parse(zip['.agents/plugins/marketplace.json']!);
      const upstream = JSON.parse(readCorpusFile('wshobson+agents/.agents/plugins/marketplace.json'));
      const entry = upstream.plugins.find((plugin: { name: string }) => plugin.name === 'conductor');
      expect(marketplace.plugins).toEqual([{ ...entry, source: { source: 'local', path: './plugins/conductor' } }]);
      const skills = conductor!.members.filter((member) => member.kind === 'skill');
      expect(skills.length).toBeGreaterThan(0);
      for (const skill of skills) expect(Object.keys(zip)).toContain(`plugins/conductor/${skill.path}`);
      expect(zip['CONVERSION.md']).toMatch(/changed `skills`/);
      expect(zip['CONVERSION.md']).toMatch(/## Left out[\s\S]*agents\//);
    },
  );

  it('refuses traversal paths, bad manifests and too many files with stable codes, creating nothing', async () => {
    const manifest = { path: '.claude-plugin/plugin.json', content: '{"name":"tiny"}', encoding: 'utf8' as const };
    const command = { path: 'commands/go.md', content: '---\ndescription: Go\n---\nGo.\n', encoding: 'utf8' as const };
    const cases: [UploadFile[], number, string][] = [
      [[manifest, { ...command, path: '../../etc/passwd' }], 400, 'PLUGIN_PATH_INVALID'],
      [[manifest, { ...command, path: 'commands/../../x.md' }], 400, 'PLUGIN_PATH_INVALID'],
      [[{ ...manifest, content: '{"name": "two words"}' }, command], 422, 'PLUGIN_MANIFEST_INVALID'],
      [[{ ...manifest, content: '{not json' }, command], 422, 'PLUGIN_MANIFEST_INVALID'],
      [[command], 422, 'PLUGIN_MANIFEST_MISSING'],
      [
        [manifest, ...Array.from({ length: 500 }, (_, n) => ({ ...command, path: `commands/c${n}.md` }))],
        413,
        'PLUGIN_TOO_MANY_FILES',
      ],
    ];
    for (const [files, status, code] of cases) {
      const response = await importPlugins(files, other, status);
      expect(response.body.error.code).toBe(code);
    }
    expect(await countOwned(other.userId)).toEqual({ hierarchies: 0, blueprints: 0 });
  });

  withCorpus(
    'is all or nothing: a member refused after others were written leaves no hierarchy and no blueprint',
    async () => {
      const good = officialPluginsUpload().filter((file) => !file.path.startsWith('plugins/example-plugin/'));
      // Valid frontmatter, but over the 10,000-line limit of a blueprint: refused only when it is written.
      const long = `---\ndescription: Long\n---\n${'step\n'.repeat(10_001)}`;
      const files = [
        ...good,
        {
          path: 'plugins/example-plugin/.claude-plugin/plugin.json',
          content: '{"name":"example-plugin"}',
          encoding: 'utf8' as const,
        },
        { path: 'plugins/example-plugin/commands/long.md', content: long, encoding: 'utf8' as const },
      ];
      const response = await importPlugins(files, other, 422);
      expect(response.body.error).toMatchObject({
        code: 'PLUGIN_MEMBER_REJECTED',
        details: { path: 'plugins/example-plugin/commands/long.md', cause: { code: 'CONTENT_TOO_MANY_LINES' } },
      });
      expect(await countOwned(other.userId)).toEqual({ hierarchies: 0, blueprints: 0 });
    },
  );
});
