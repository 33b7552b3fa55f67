import { screen, within } from '@testing-library/react';
import { strToU8, zipSync } from 'fflate';
import type { BlueprintKind } from '../features/blueprints/api/blueprint-types';
import { finding, formats } from '../features/blueprints/testing/blueprint-fixtures';
import type { ImportPreviewItem } from '../features/imports/api/imports-api';
import {
  activeSession,
  apiCalls,
  errorReply,
  startApiServer,
  type RecordedRequest,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

const AGENT = '---\nname: c-pro\ndescription: Write C\nmodel: opus\n---\nYou write C.\n';
const RULE = '---\ndescription: Go\nglobs: **/*.go\n---\nUse gofmt.\n';
const SKILL = '---\nname: pdf\ndescription: PDFs\n---\nRead PDFs.\n';
const FORMATS = [
  ...formats,
  { ...formats[0]!, id: 'claude-agent', tool: 'claude-code', label: 'Claude Code subagent', kinds: ['agent' as const] },
  { ...formats[0]!, id: 'claude-skill', tool: 'claude-code', label: 'Claude Code skill', kinds: ['skill' as const] },
];

type SentFile = { path: string; content: string; encoding?: string };

/** A stand-in preview: by file name, as the real one would detect them here. */
function previewRoute(request: RecordedRequest) {
  const files = (request.body as { files: SentFile[] }).files;
  const item = (path: string, overrides: Partial<ImportPreviewItem>): ImportPreviewItem => ({
    path,
    status: 'ready',
    reason: `path ${path}`,
    detection: null,
    name: null,
    slug: null,
    notes: [],
    scan: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false },
    attachments: [],
    conflicts: [],
    error: null,
    ...overrides,
  });
  const detection = (format: string, kind: BlueprintKind) => ({
    format,
    kind,
    confidence: 'certain' as const,
    method: 'path' as const,
    reason: 'path',
    alternatives: [],
  });
  const items: ImportPreviewItem[] = [];
  for (const file of files) {
    if (file.path.endsWith('.mdc')) {
      items.push(
        item(file.path, {
          detection: detection('cursor-rules', 'rules'),
          name: 'go',
          slug: 'go',
          scan: {
            findings: [finding({ id: 'f1', line: 5, column: 1 })],
            secrets: { high: 1, low: 0 },
            hiddenInstructions: 0,
            truncated: false,
          },
          conflicts: [
            {
              code: 'SLUG_EXISTS',
              message: 'You already have a blueprint with the slug go',
              blueprintId: 'bp_existing0000001',
            },
          ],
        }),
      );
    } else if (file.path.endsWith('agents/c-pro.md')) {
      items.push(item(file.path, { status: 'unknown', reason: 'No format recognises the path', scan: null }));
    } else if (file.path.endsWith('SKILL.md')) {
      const attachments = files
        .filter((other) => other.path.startsWith('skills/pdf/references/'))
        .map((other) => ({
          path: other.path.slice('skills/pdf/'.length),
          repositoryPath: other.path,
          encoding: 'utf8' as const,
          sizeBytes: other.content.length,
          scan: null,
        }));
      items.push(
        item(file.path, {
          detection: detection('claude-skill', 'skill'),
          name: 'pdf',
          slug: 'pdf',
          attachments,
          notes: [
            {
              code: 'LENIENT_FRONTMATTER',
              message: "'description' is not valid YAML (a colon in a plain value); read as plain text.",
              line: 3,
              key: 'description',
            },
          ],
        }),
      );
    } else if (!file.path.includes('references/')) {
      items.push(item(file.path, { status: 'unknown', reason: 'No format recognises the path', scan: null }));
    }
  }
  return { status: 200, body: { items, limits: { maxFiles: 200, maxFileBytes: 262144, maxTotalBytes: 4194304 } } };
}

function importRoute(request: RecordedRequest) {
  const body = request.body as { items: { path: string; skip?: boolean; format?: string }[] };
  const items = body.items.map((choice, index) =>
    choice.skip
      ? {
          path: choice.path,
          status: 'skipped',
          blueprintId: null,
          name: null,
          slug: null,
          format: null,
          kind: null,
          attachedFiles: 0,
          error: null,
        }
      : {
          path: choice.path,
          status: 'created',
          blueprintId: `bp_created00000000${index}`,
          name: choice.path.split('/').pop(),
          slug: 'x',
          format: choice.format ?? 'cursor-rules',
          kind: 'rules',
          attachedFiles: choice.path.endsWith('SKILL.md') ? 1 : 0,
          error: null,
        },
  );
  return { status: 201, body: { hierarchyId: 'ha_new0000000000001', created: 3, skipped: 1, failed: 0, items } };
}

describe('BlueprintImportPage', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('previews a repository zip, lets the author override and skip, imports as a hierarchy and shows results', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/formats': { status: 200, body: { items: FORMATS } },
        'POST /api/v1/imports/preview': previewRoute,
        'POST /api/v1/imports': importRoute,
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/import' });
    await screen.findByRole('heading', { level: 1, name: 'Import files' });

    const zip = zipSync({
      'acme-main/.cursor/rules/go.mdc': strToU8(RULE),
      'acme-main/plugins/systems/agents/c-pro.md': strToU8(AGENT),
      'acme-main/skills/pdf/SKILL.md': strToU8(SKILL),
      'acme-main/skills/pdf/references/api.md': strToU8('# API'),
      'acme-main/README.md': strToU8('# Acme'),
      'acme-main/src/main.go': strToU8('package main'),
    });
    await user.upload(
      screen.getByLabelText('Choose a zip'),
      new File([zip], 'acme-main.zip', { type: 'application/zip' }),
    );

    const found = await screen.findByRole('region', { name: 'Files found' });
    const rule = within(found).getByRole('region', { name: '.cursor/rules/go.mdc' });
    expect(within(rule).getByText(/Detected as/)).toHaveTextContent('Detected as Cursor project rule (.mdc) (rules).');
    expect(within(rule).getByText('Found 1 likely secret.')).toBeInTheDocument();
    expect(within(rule).getByRole('list', { name: 'Conflicts of .cursor/rules/go.mdc' })).toHaveTextContent(
      'You already have a blueprint with the slug go',
    );
    expect(within(rule).getByRole('link', { name: 'yours' })).toHaveAttribute('href', '/blueprints/bp_existing0000001');
    const skill = within(found).getByRole('region', { name: 'skills/pdf/SKILL.md' });
    expect(within(skill).getByText('With 1 attached file')).toBeInTheDocument();
    // How a file was read where it is not strict YAML: said per item, with its line.
    expect(within(skill).getByRole('list', { name: 'Read notes of skills/pdf/SKILL.md' })).toHaveTextContent(
      "Read leniently Line 3: 'description' is not valid YAML (a colon in a plain value); read as plain text.",
    );
    expect(within(rule).queryByRole('list', { name: /Read notes/ })).not.toBeInTheDocument();
    const agent = within(found).getByRole('region', { name: 'plugins/systems/agents/c-pro.md' });
    expect(within(agent).getByText('Unknown')).toBeInTheDocument();
    expect(within(agent).getByRole('checkbox', { name: 'Skip' })).toBeChecked();
    // Source code stayed in the browser.
    expect(screen.getByRole('list', { name: 'Files left out' })).toHaveTextContent(
      'src/main.go: not an instruction file',
    );
    const sent = apiCalls(server, 'POST').find((call) => call.path === '/api/v1/imports/preview')!;
    expect((sent.body as { files: SentFile[] }).files.map((file) => file.path).sort()).toEqual([
      '.cursor/rules/go.mdc',
      'README.md',
      'plugins/systems/agents/c-pro.md',
      'skills/pdf/SKILL.md',
      'skills/pdf/references/api.md',
    ]);

    // Override the agent's format (which un-skips it) and skip the rule.
    await user.selectOptions(within(agent).getByLabelText('Format'), 'claude-agent');
    expect(within(agent).getByRole('checkbox', { name: 'Skip' })).not.toBeChecked();
    await user.click(within(rule).getByRole('checkbox', { name: 'Skip' }));
    expect(screen.getByRole('radio', { name: /One hierarchy/ })).toBeChecked();
    expect(screen.getByLabelText('Hierarchy name')).toHaveValue('acme-main');
    await user.click(screen.getByRole('button', { name: 'Import 2 items' }));

    const results = await screen.findByRole('region', { name: 'Import results' });
    const request = apiCalls(server, 'POST').find((call) => call.path === '/api/v1/imports')!;
    expect(request.body).toMatchObject({
      target: 'hierarchy',
      hierarchyName: 'acme-main',
      items: [
        { path: '.cursor/rules/go.mdc', skip: true },
        { path: 'README.md', skip: true },
        { path: 'plugins/systems/agents/c-pro.md', format: 'claude-agent', kind: 'agent' },
        { path: 'skills/pdf/SKILL.md' },
      ],
    });
    expect(within(results).getByRole('link', { name: 'c-pro.md' })).toHaveAttribute(
      'href',
      '/blueprints/bp_created000000002',
    );
    expect(within(results).getByRole('link', { name: 'Open the hierarchy' })).toHaveAttribute(
      'href',
      '/hierarchies/ha_new0000000000001',
    );
    expect(within(results).getByRole('row', { name: /go\.mdc/ })).toHaveTextContent('Skipped');
  });

  it('shows a refused preview with its code, and is linked from the header', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/formats': { status: 200, body: { items: FORMATS } },
        'POST /api/v1/imports/preview': errorReply(413, 'IMPORT_TOTAL_TOO_LARGE', 'The files add up to too much'),
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/me/blueprints' });
    await user.click(await screen.findByRole('link', { name: 'Import files' }));
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'Import' })).toHaveAttribute('aria-current', 'page');
    await user.upload(screen.getByLabelText('Choose files'), new File([RULE], 'go.mdc'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('IMPORT_TOTAL_TOO_LARGE');
  });
});

const PLUGIN_MANIFEST = '{\n  "name": "shipit",\n  "version": "1.0.0",\n  "description": "Release helpers"\n}\n';
const HOOKS =
  '{\n  "hooks": {\n    "PostToolUse": [{ "matcher": "Edit", "hooks": [{ "type": "command", "command": "./scripts/fmt.sh" }] }]\n  }\n}\n';

function pluginZip() {
  return zipSync({
    'shipit-main/.claude-plugin/plugin.json': strToU8(PLUGIN_MANIFEST),
    'shipit-main/agents/x.md': strToU8(AGENT),
    'shipit-main/commands/y.md': strToU8('---\ndescription: Ship\n---\nShip $ARGUMENTS.\n'),
    'shipit-main/skills/z/SKILL.md': strToU8(SKILL),
    'shipit-main/hooks/hooks.json': strToU8(HOOKS),
    'shipit-main/scripts/fmt.sh': strToU8('#!/bin/sh\ngofmt -w .\n'),
    'shipit-main/README.md': strToU8('# shipit'),
  });
}

const pluginMember = (path: string, kind: BlueprintKind, format: string, index: number) => ({
  path,
  blueprintId: `bp_plugin00000000${index}`,
  name: path
    .split('/')
    .slice(-1)[0]!
    .replace(/\.\w+$/, ''),
  kind,
  format,
  findings: [],
  findingTotals: { secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false },
  notes: [],
  files: [],
});

describe('BlueprintImportPage with a plugin', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function choosePluginZip(routes: Parameters<typeof startApiServer>[0]) {
    server = await startApiServer(
      {
        'GET /api/v1/formats': { status: 200, body: { items: FORMATS } },
        'POST /api/v1/imports/preview': previewRoute,
        ...routes,
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/import' });
    await screen.findByRole('heading', { level: 1, name: 'Import files' });
    await user.upload(
      screen.getByLabelText('Choose a zip'),
      new File([pluginZip()], 'shipit-main.zip', { type: 'application/zip' }),
    );
    return user;
  }

  it('says the files hold a plugin, imports them through the plugin route and shows each member and skipped file', async () => {
    const user = await choosePluginZip({
      'POST /api/v1/plugins/import': {
        status: 201,
        body: {
          plugins: [
            {
              hierarchyId: 'ha_plugin000000001',
              name: 'shipit',
              tool: 'claude-code',
              root: '',
              manifests: ['claude-code'],
              hooks: true,
              members: [
                {
                  ...pluginMember('agents/x.md', 'agent', 'claude-agent', 1),
                  findings: [finding({ id: 'f1', line: 5, column: 1 })],
                  findingTotals: { secrets: { high: 1, low: 0 }, hiddenInstructions: 0, truncated: false },
                  notes: ["'description' read leniently"],
                },
                pluginMember('commands/y.md', 'command', 'claude-command', 2),
                pluginMember('hooks/hooks.json', 'settings', 'claude-settings', 3),
                pluginMember('skills/z/SKILL.md', 'skill', 'claude-skill', 4),
              ],
              skipped: [
                { path: 'README.md', reason: 'not a Claude Code plugin component LynxPrompt stores' },
                { path: 'scripts/fmt.sh', reason: 'not a Claude Code plugin component LynxPrompt stores' },
              ],
            },
          ],
          skipped: [],
        },
      },
    });

    const found = await screen.findByRole('region', { name: 'Plugin found' });
    expect(within(found).getByRole('list', { name: 'Plugins found' })).toHaveTextContent(
      './ with the Claude Code manifest',
    );
    expect(screen.getByRole('radio', { name: /Import as plugin/ })).toBeChecked();
    // The blueprint choices are still offered beside it.
    expect(screen.getByRole('radio', { name: /One hierarchy/ })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Import the plugin' }));

    const results = await screen.findByRole('region', { name: 'Plugin import results' });
    const sent = apiCalls(server!, 'POST').find((call) => call.path === '/api/v1/plugins/import')!;
    // Every file of the plugin goes, the hooks and the script too (the server says why it skips some).
    expect((sent.body as { files: SentFile[] }).files.map((file) => file.path)).toEqual([
      '.claude-plugin/plugin.json',
      'README.md',
      'agents/x.md',
      'commands/y.md',
      'hooks/hooks.json',
      'scripts/fmt.sh',
      'skills/z/SKILL.md',
    ]);
    expect(apiCalls(server!, 'POST').some((call) => call.path === '/api/v1/imports')).toBe(false);
    expect(within(results).getByRole('status')).toHaveTextContent('1 plugin imported, 4 members in all.');
    expect(within(results).getByRole('link', { name: 'Open the hierarchy shipit' })).toHaveAttribute(
      'href',
      '/hierarchies/ha_plugin000000001',
    );
    const agent = within(results).getByRole('row', { name: /agents\/x\.md/ });
    expect(agent).toHaveTextContent('claude-agent (agent)');
    expect(agent).toHaveTextContent('Found 1 likely secret.');
    expect(agent).toHaveTextContent("'description' read leniently");
    expect(within(agent).getByRole('link', { name: 'x' })).toHaveAttribute('href', '/blueprints/bp_plugin000000001');
    expect(within(results).getByRole('row', { name: /hooks\/hooks\.json/ })).toHaveTextContent(
      'claude-settings (settings)',
    );
    expect(within(results).getByRole('list', { name: 'Files of shipit not imported' })).toHaveTextContent(
      'scripts/fmt.sh: not a Claude Code plugin component LynxPrompt stores',
    );
  });

  it('shows a refused plugin import with its code and the file at fault', async () => {
    const user = await choosePluginZip({
      'POST /api/v1/plugins/import': errorReply(422, 'PLUGIN_MEMBER_REJECTED', "'agents/x.md' was refused: too long", {
        path: 'agents/x.md',
        cause: { code: 'CONTENT_TOO_LARGE', message: 'too long' },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Import the plugin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('PLUGIN_MEMBER_REJECTED');
    expect(screen.getByLabelText('Refused file')).toHaveTextContent(
      'In agents/x.md (CONTENT_TOO_LARGE too long). The plugins sent with it were not created.',
    );
    // The choice stays, so the author can import the files another way.
    expect(screen.getByRole('radio', { name: /One hierarchy/ })).toBeEnabled();
  });
});
