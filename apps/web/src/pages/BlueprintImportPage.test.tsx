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
        item(file.path, { detection: detection('claude-skill', 'skill'), name: 'pdf', slug: 'pdf', attachments }),
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
