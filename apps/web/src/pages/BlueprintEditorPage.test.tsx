import { screen, waitFor, within } from '@testing-library/react';
import type { ScanFinding } from '../features/blueprints/api/blueprint-types';
import { detail, finding, formats } from '../features/blueprints/testing/blueprint-fixtures';
import {
  activeSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  startApiServer,
  type RecordedRequest,
  type Route,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

const ID = 'bp_k3n8q2x7w9m4p6r2';

/** A stand-in scanner: "sk-" is a secret, "[[NAME]]" a variable. */
function scanRoute(request: RecordedRequest) {
  const content = (request.body as { content: string }).content;
  const findings: ScanFinding[] = [];
  content.split('\n').forEach((line, index) => {
    const column = line.indexOf('sk-');
    if (column >= 0) findings.push(finding({ id: `f_${index}`, line: index + 1, column: column + 1 }));
  });
  const variables = [...content.matchAll(/\[\[([A-Za-z_]\w*)\]\]/g)].map((match) => ({
    name: (match[1] ?? '').toUpperCase(),
    occurrences: [{ line: 1, column: (match.index ?? 0) + 1 }],
  }));
  return {
    status: 200,
    body: { findings, secrets: { high: findings.length, low: 0 }, hiddenInstructions: 0, truncated: false, variables },
  };
}

function scanCalls(server: TestServer): string[] {
  return apiCalls(server, 'POST')
    .filter((call) => call.path === '/api/v1/scan')
    .map((call) => (call.body as { content: string }).content);
}

function writes(server: TestServer): RecordedRequest[] {
  return apiCalls(server).filter((call) => call.path.startsWith('/api/v1/blueprints') && call.method !== 'GET');
}

function editorRoutes(extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/v1/formats': { status: 200, body: { items: formats } },
    'POST /api/v1/scan': scanRoute,
    'GET /api/v1/blueprints/:id/versions': { status: 200, body: { items: [] } },
    ...extra,
  };
}

type User = ReturnType<typeof renderApp>['user'];

/** Puts text in a field in one go: typing it key by key is slow in jsdom and not what these tests are about. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

// Forms with many fields, each filled through real events: slower than the default 5 s on a busy machine.
describe('BlueprintEditorPage', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('scans a moment after typing pauses, once per pause, and lists findings and variables', async () => {
    server = await startApiServer(editorRoutes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    const content = await screen.findByLabelText('Content');
    const status = within(screen.getByRole('region', { name: 'Scan' })).getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    await user.type(content, 'Key sk-');
    await waitFor(() => expect(status).toHaveTextContent('Found 1 likely secret.'));
    // Seven keystrokes, one scan of the whole text.
    expect(scanCalls(server)).toEqual(['Key sk-']);
    const findings = screen.getByRole('list', { name: 'Scan findings' });
    expect(findings).toHaveTextContent('Line 1, column 5');
    expect(findings).toHaveTextContent('OpenAI API key');

    await user.type(content, '{Enter}Project [[[[name]]');
    // The pause after typing scans the whole text (a busy machine may also pause, and scan, mid-word).
    await waitFor(() => expect(scanCalls(server!).at(-1)).toBe('Key sk-\nProject [[name]]'));
    const variables = await screen.findByRole('list', { name: 'Detected variables' });
    expect(variables).toHaveTextContent('[[NAME]]');
    expect(apiCalls(server, 'POST').every((call) => call.headers['x-csrf-token'] === CSRF_TOKEN)).toBe(true);

    // The live preview uses the same renderer.
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview).toHaveTextContent('Project [[name]]'));
  });

  it('lists the variables as they are typed, found in the browser rather than by the scan', async () => {
    // A scan that knows of no variables: whatever the panel lists comes from the editor itself.
    server = await startApiServer(
      editorRoutes({
        'POST /api/v1/scan': {
          status: 200,
          body: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false, variables: [] },
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    const content = await screen.findByLabelText('Content');
    await fill(user, content, 'Project [[project|acme]]\nAgain [[PROJECT]] and [[Team]]');
    const variables = await screen.findByRole('list', { name: 'Detected variables' });
    expect(
      within(variables)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['[[PROJECT]] default “acme” · 2 uses', '[[TEAM]] · 1 use']);
    await user.type(
      content,
      '{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}',
    );
    expect(within(variables).getAllByRole('listitem')).toHaveLength(1);
  });

  it('previews the draft as another tool’s file, with what that tool loses, computed in the browser', async () => {
    server = await startApiServer(editorRoutes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await user.selectOptions(await screen.findByLabelText('Tool and format'), 'cursor-rules');
    await fill(
      user,
      screen.getByLabelText('Content'),
      '---\ndescription: How we test\nglobs: src/**/*.ts\nalwaysApply: false\n---\n# Testing\n',
    );
    const preview = screen.getByRole('region', { name: 'Export preview' });
    await user.selectOptions(within(preview).getByLabelText('Export to'), 'agents-md');
    const report = await within(preview).findByRole('region', { name: 'What the conversion changes' });
    expect(report).toHaveAttribute('data-lossless', 'false');
    // AGENTS.md has no frontmatter: the description and the file patterns are lost, and the rule always applies.
    expect(report).toHaveTextContent('Dropped globs');
    expect(report).toHaveTextContent('Dropped description');
    expect(report).toHaveTextContent('Changed activation');
    expect(await within(preview).findByRole('heading', { name: 'Testing' })).toBeInTheDocument();
    expect(within(preview).queryByRole('region', { name: 'Frontmatter' })).toBeNull();

    // Broken frontmatter says why instead of a file.
    const content = screen.getByLabelText('Content');
    await user.clear(content);
    await fill(user, content, '---\nfoo: [\n---\nx\n');
    await waitFor(() => expect(within(preview).getByRole('status')).toHaveTextContent('Invalid YAML frontmatter'));
    // Nothing of this went to the server but the scans.
    expect(apiCalls(server, 'POST').every((call) => call.path === '/api/v1/scan')).toBe(true);
  });

  it('offers only the formats of the chosen kind', async () => {
    server = await startApiServer(editorRoutes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    const format = await screen.findByLabelText('Tool and format');
    expect(
      within(format)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['agents-md', 'cursor-rules', 'copilot-instructions']);
    await user.selectOptions(screen.getByLabelText('Kind'), 'Command');
    expect(
      within(format)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['claude-command']);
    expect(format).toHaveValue('claude-command');
  });

  it('refuses more than 10 tags before sending anything', async () => {
    server = await startApiServer(editorRoutes(), { session: activeSession() });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    const tags = await screen.findByLabelText('Tags');
    await fill(user, tags, 'a, b, c, d, e, f, g, h, i, j, k');
    expect(tags).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('At most 10 tags: remove 1.');
    expect(screen.getByRole('button', { name: 'Create blueprint' })).toBeDisabled();

    await user.type(tags, '{Backspace}{Backspace}{Backspace}');
    expect(tags).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Create blueprint' })).toBeEnabled();
  });

  it('explains SECRET_DETECTED with the findings, switches to private on request, and saves', async () => {
    const created = detail({ isOwner: true, visibility: 'private', publishedVersion: 1 });
    server = await startApiServer(
      editorRoutes({
        'POST /api/v1/blueprints': (request) =>
          (request.body as { visibility: string }).visibility === 'private'
            ? { status: 201, body: created }
            : errorReply(422, 'SECRET_DETECTED', 'The content contains what looks like a real secret', {
                findings: [finding({ id: 'f_key', line: 2, column: 5 })],
              }),
        'GET /api/v1/blueprints/:id': { status: 200, body: created },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await fill(user, await screen.findByLabelText('Name'), 'React testing rules');
    await fill(user, screen.getByLabelText('Description'), 'How we test');
    await user.selectOptions(screen.getByLabelText('Tool and format'), 'Cursor project rule (.mdc)');
    await user.selectOptions(screen.getByLabelText('Category'), 'frontend');
    await fill(user, screen.getByLabelText('Tags'), 'React, #testing, react');
    await fill(user, screen.getByLabelText('Licence'), 'MIT');
    await user.click(screen.getByRole('radio', { name: /Public/ }));
    await user.click(screen.getByLabelText('Content'));
    await user.paste('# Testing\nKEY=sk-live-123\n');
    await fill(user, screen.getByLabelText('What changed (changelog)'), 'First version');
    await user.click(screen.getByRole('checkbox', { name: /Publish this version/ }));
    await user.click(screen.getByRole('button', { name: 'Save and publish' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('SECRET_DETECTED')).toBeInTheDocument();
    const blocking = within(alert).getByRole('list', { name: 'Secrets that block saving' });
    expect(blocking).toHaveTextContent('Line 2, column 5');
    expect(within(blocking).getByText('[[OPENAI_API_KEY]]')).toBeInTheDocument();
    expect(writes(server)[0]?.body).toEqual({
      name: 'React testing rules',
      description: 'How we test',
      kind: 'rules',
      format: 'cursor-rules',
      category: 'frontend',
      tags: ['react', 'testing'],
      license: 'MIT',
      visibility: 'public',
      content: '# Testing\nKEY=sk-live-123\n',
      changelog: 'First version',
      publish: true,
    });

    await user.click(within(alert).getByRole('button', { name: 'Make it private' }));
    expect(screen.getByRole('radio', { name: /Private/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save and publish' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/blueprints/${ID}`));
    expect(writes(server)).toHaveLength(2);
    expect(writes(server)[1]?.body).toMatchObject({ visibility: 'private' });
  });

  it('sends the ticked acknowledgements with the main save button, keeping them across a failed save', async () => {
    const low = [
      finding({
        id: 'f_a',
        confidence: 'low',
        line: 1,
        column: 3,
        message: 'High-entropy value',
        suggestion: undefined,
      }),
      finding({ id: 'f_b', confidence: 'low', line: 4, column: 1, message: 'Looks like a token' }),
    ];
    const created = detail({ isOwner: true });
    server = await startApiServer(
      editorRoutes({
        // As the API does: the answer lists only the findings still unacknowledged.
        'POST /api/v1/blueprints': (request) => {
          const sent = (request.body as { acknowledgedFindings?: string[] }).acknowledgedFindings ?? [];
          const missing = low.filter((item) => !sent.includes(item.id));
          return missing.length === 0
            ? { status: 201, body: created }
            : errorReply(422, 'FINDINGS_NOT_ACKNOWLEDGED', 'The content may contain secrets', { findings: missing });
        },
        'GET /api/v1/blueprints/:id': { status: 200, body: created },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await fill(user, await screen.findByLabelText('Name'), 'Tokens');
    await user.click(screen.getByRole('radio', { name: /Unlisted/ }));
    await user.click(screen.getByLabelText('Content'));
    await user.paste('id: 8f3a9c2e7b1d4f6a\n');
    await user.click(screen.getByRole('checkbox', { name: /Publish this version/ }));
    const save = screen.getByRole('button', { name: 'Save and publish' });
    await user.click(save);

    let alert = await screen.findByRole('alert');
    expect(within(alert).getByText('FINDINGS_NOT_ACKNOWLEDGED')).toBeInTheDocument();
    expect(within(alert).getAllByRole('checkbox', { name: /I understand, this is not a secret/ })).toHaveLength(2);
    // One path: the form's own save button, not a second one in the notice.
    expect(within(alert).queryByRole('button')).toBeNull();
    await user.click(within(alert).getByRole('checkbox', { name: /line 1, column 3/ }));
    await user.click(save);

    const api = server;
    await waitFor(() => expect(writes(api)).toHaveLength(2));
    expect(writes(api)[1]?.body).toMatchObject({ publish: true, acknowledgedFindings: ['f_a'] });
    alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(within(alert).getAllByRole('checkbox', { name: /I understand, this is not a secret/ })).toHaveLength(1),
    );
    await user.click(within(alert).getByRole('checkbox', { name: /line 4, column 1/ }));
    await user.click(save);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/blueprints/${ID}`));
    expect(writes(server)[2]?.body).toMatchObject({
      visibility: 'unlisted',
      publish: true,
      acknowledgedFindings: ['f_a', 'f_b'],
    });
  });

  it('edits with If-Match, sending only what changed', async () => {
    const current = detail({ isOwner: true, revision: 7, headVersion: 3, content: '# Old\n', tags: ['react'] });
    server = await startApiServer(
      editorRoutes({
        'GET /api/v1/blueprints/:id': { status: 200, body: current },
        'PATCH /api/v1/blueprints/:id': {
          status: 200,
          body: { ...current, revision: 8, headVersion: 4, content: '# New\n' },
        },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}/edit` });

    const content = await screen.findByLabelText('Content');
    expect(content).toHaveValue('# Old\n');
    expect(screen.getByLabelText('Name')).toHaveValue('React testing rules');
    expect(screen.getByLabelText('Tags')).toHaveValue('react');
    await user.clear(content);
    await fill(user, content, '# New\n');
    await fill(user, screen.getByLabelText('What changed (changelog)'), 'Rewrite');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/blueprints/${ID}`));
    const [patch] = writes(server);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/v1/blueprints/${ID}`);
    expect(patch?.headers['if-match']).toBe('"r7"');
    expect(patch?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
    expect(patch?.body).toEqual({ content: '# New\n', changelog: 'Rewrite' });
  });

  it('on 412 never overwrites: it offers a reload and keeps the text typed here', async () => {
    let current = detail({ isOwner: true, revision: 7, content: '# Mine\n' });
    server = await startApiServer(
      editorRoutes({
        'GET /api/v1/blueprints/:id': () => ({ status: 200, body: current }),
        'PATCH /api/v1/blueprints/:id': () => {
          current = detail({ isOwner: true, revision: 9, headVersion: 4, content: '# Theirs\n' });
          return errorReply(412, 'PRECONDITION_FAILED', 'The blueprint changed since you read it', {
            currentETag: '"r9"',
          });
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}/edit` });

    const content = await screen.findByLabelText('Content');
    await fill(user, content, 'My addition');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('changed somewhere else');
    expect(alert).toHaveTextContent('Nothing was overwritten.');
    expect(within(alert).getByText('PRECONDITION_FAILED')).toBeInTheDocument();
    expect(writes(server)).toHaveLength(1);

    await user.click(within(alert).getByRole('button', { name: 'Reload the latest version' }));
    await waitFor(() => expect(screen.getByLabelText('Content')).toHaveValue('# Theirs\n'));
    const unsaved = screen.getByRole('region', { name: 'Your unsaved text' });
    expect(within(unsaved).getByLabelText('Your unsaved content')).toHaveValue('# Mine\nMy addition');
    expect(writes(server)).toHaveLength(1);

    // The next save names the new revision.
    await fill(user, screen.getByLabelText('Content'), 'Merged');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(writes(server!)).toHaveLength(2));
    expect(writes(server)[1]?.headers['if-match']).toBe('"r9"');
  });

  it('explains content errors by their code', async () => {
    server = await startApiServer(
      editorRoutes({
        'POST /api/v1/blueprints': errorReply(413, 'CONTENT_TOO_LARGE', 'Content is 300000 bytes; the limit is 262144'),
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await fill(user, await screen.findByLabelText('Name'), 'Huge');
    await user.click(screen.getByLabelText('Content'));
    await user.paste('# Big\n');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The content is larger than 256 KB.');
    expect(within(alert).getByText('CONTENT_TOO_LARGE')).toBeInTheDocument();
  });

  it('sends anonymous visitors to sign in', async () => {
    server = await startApiServer(editorRoutes());
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/blueprints/new' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(scanCalls(server)).toHaveLength(0);
  });
});
