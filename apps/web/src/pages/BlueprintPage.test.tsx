import { screen, waitFor, within } from '@testing-library/react';
import type { BlueprintDetail } from '../features/blueprints/api/blueprint-types';
import {
  ada,
  attachedFile,
  detail,
  finding,
  formats,
  rendered,
  version,
} from '../features/blueprints/testing/blueprint-fixtures';
import { adminUser } from '../features/federation/testing/federation-fixtures';
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

// The first render of a file pays for loading the Markdown and highlighting modules.

/** The routes of the blueprint page; `others` are more blueprints the API knows (e.g. a fork). */
function pageRoutes(
  blueprint: BlueprintDetail | (() => BlueprintDetail),
  extra: Record<string, Route> = {},
  others: BlueprintDetail[] = [],
) {
  return {
    'GET /api/v1/blueprints/:id': (_request: unknown, params: Record<string, string>) => {
      const current = typeof blueprint === 'function' ? blueprint() : blueprint;
      const found = [current, ...others].find((candidate) => candidate.id === params.id);
      return found ? { status: 200, body: found } : errorReply(404, 'BLUEPRINT_NOT_FOUND', 'No such blueprint');
    },
    'GET /api/v1/formats': { status: 200, body: { items: formats } },
    'GET /api/v1/blueprints/:id/versions': {
      status: 200,
      body: { items: [version(1), version(2), version(3, { isPublished: true })] },
    },
    // The export menu asks what the conversion changes as soon as a target is chosen: nothing, here.
    'POST /api/v1/blueprints/:id/render': (request: RecordedRequest) => ({
      status: 200,
      body: rendered({ format: (request.body as { format?: string }).format ?? 'cursor-rules' }),
    }),
    ...extra,
  } satisfies Record<string, Route>;
}

/** The POSTs that change something: render (a POST that only reads) is left out, the export menu sends it on its own. */
function writes(server: TestServer) {
  return apiCalls(server, 'POST').filter((call) => !call.path.endsWith('/render'));
}

const HOSTILE = [
  '# Welcome',
  '',
  '<script>window.__pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '',
  '[click me](javascript:window.__pwned=1)',
  '',
  '<a href="javascript:window.__pwned=2">raw anchor</a>',
  '',
  '<iframe src="https://evil.test/"></iframe>',
  '',
  '![pixel](javascript:window.__pwned=3)',
  '',
  '[docs](https://example.org/docs)',
  '',
  '```js',
  'const answer = 42;',
  '```',
].join('\n');

// Many steps through real events and a real server: slower than the default 5 s on a busy machine.
describe('BlueprintPage', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    delete (window as { __pwned?: unknown }).__pwned;
  });

  it('renders Markdown without ever creating script, event-handler, frame or javascript: elements', async () => {
    server = await startApiServer(pageRoutes(detail({ content: HOSTILE })));
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const content = await screen.findByRole('region', { name: 'Content' });
    // The Markdown renderer is loaded on first use.
    expect(await within(content).findByRole('heading', { name: 'Welcome' })).toBeInTheDocument();
    // Raw HTML is shown as text, not turned into elements.
    expect(content).toHaveTextContent('<script>window.__pwned = "script"</script>');
    expect(content).toHaveTextContent(`<img src="x" onerror="window.__pwned = 'img'">`);
    expect(content).toHaveTextContent('<a href="javascript:window.__pwned=2">raw anchor</a>');

    expect(content.querySelector('script, iframe, object, embed, style')).toBeNull();
    for (const element of content.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on')).toBe(false);
        expect(attribute.value.trim().toLowerCase().startsWith('javascript:')).toBe(false);
      }
    }
    expect(document.querySelectorAll('script')).toHaveLength(0);

    const link = within(content).getByText('click me');
    expect(link.getAttribute('href') ?? '').toBe('');
    const docs = within(content).getByRole('link', { name: 'docs' });
    expect(docs).toHaveAttribute('href', 'https://example.org/docs');
    expect(docs).toHaveAttribute('rel', 'nofollow noopener noreferrer');
    expect(within(content).getByRole('img', { name: 'pixel' }).getAttribute('src') ?? '').toBe('');

    // Code is highlighted.
    const code = content.querySelector('pre code.hljs.language-js');
    expect(code).not.toBeNull();
    expect(code?.querySelector('.hljs-keyword')).toHaveTextContent('const');
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('shows MDC frontmatter as metadata and JSON content as highlighted code', async () => {
    const mdc =
      '---\ndescription: React rules\nglobs: *.tsx, *.ts\nalwaysApply: false\n---\n# Components\n\nPrefer function components.\n';
    const mcp = detail({
      id: 'bp_mcp0000000000001',
      kind: 'mcp-config',
      format: 'claude-mcp',
      content: '{\n  "mcpServers": { "github": { "command": "npx" } }\n}\n',
    });
    server = await startApiServer(pageRoutes(detail({ content: mdc }), {}, [mcp]));
    const { router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const frontmatter = await screen.findByRole('region', { name: 'Frontmatter' });
    const value = (key: string) => within(frontmatter).getByText(key).closest('div')?.querySelector('dd');
    expect(value('globs')).toHaveTextContent('*.tsx, *.ts');
    expect(value('description')).toHaveTextContent('React rules');
    expect(value('alwaysApply')).toHaveTextContent('false');
    const content = screen.getByRole('region', { name: 'Content' });
    expect(await within(content).findByRole('heading', { level: 2, name: 'Components' })).toBeInTheDocument();
    // The content's own `#` heading sits one level down: the blueprint's name is the page's only h1.
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual([
      'React testing rules',
    ]);
    expect(within(content).queryByText(/alwaysApply: false/)).not.toBeInTheDocument();

    await router.navigate('/blueprints/bp_mcp0000000000001');
    await waitFor(() => expect(document.querySelector('code.language-json')).not.toBeNull());
    const json = document.querySelector('code.language-json');
    expect(json?.querySelector('.hljs-attr')).toHaveTextContent('"mcpServers"');
    expect(json).toHaveTextContent('"command": "npx"');
  });

  it('warns about findings at their exact places, and lets the owner strip invisible characters', async () => {
    const comment = finding({
      id: 'f_comment',
      category: 'hidden-instruction',
      rule: 'html-comment-instruction',
      line: 9,
      column: 1,
      message: 'HTML comment that rendered Markdown hides but agents read',
    });
    let current = detail({
      isOwner: true,
      findings: [
        finding({
          id: 'f_zw',
          category: 'hidden-instruction',
          rule: 'zero-width-characters',
          line: 2,
          column: 14,
          message: 'Zero-width characters hide text',
          excerpt: 'Always ⟦U+200B⟧run',
          suggestion: undefined,
        }),
        finding({ id: 'f_key', line: 5, column: 7 }),
      ],
    });
    server = await startApiServer(
      pageRoutes(() => current, {
        'POST /api/v1/blueprints/:id/strip-invisible': () => {
          // What stripping cannot remove stays: a comment the author has to edit out.
          current = detail({
            isOwner: true,
            revision: 8,
            version: 4,
            headVersion: 4,
            isDraft: true,
            findings: [comment],
          });
          return { status: 200, body: current };
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const warning = await screen.findByRole('region', { name: 'Scan warnings' });
    const hidden = within(warning).getByRole('list', { name: 'Hidden-instruction findings' });
    expect(hidden).toHaveTextContent('Line 2, column 14');
    expect(hidden).toHaveTextContent('Zero-width characters hide text');
    expect(within(hidden).getByText('Always ⟦U+200B⟧run')).toBeInTheDocument();
    const secrets = within(warning).getByRole('list', { name: 'Secret findings' });
    expect(secrets).toHaveTextContent('Line 5, column 7');
    expect(secrets).toHaveTextContent('OpenAI API key');
    expect(within(secrets).getByText('KEY=sk-…redacted')).toBeInTheDocument();
    expect(within(secrets).getByText('[[OPENAI_API_KEY]]')).toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Strip invisible characters (1 finding)' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invisible characters removed in a new draft, version 4. Publish it so readers get the clean copy.',
    );
    // The button reflects what is left: nothing it can strip, one finding to edit out.
    const after = screen.getByRole('region', { name: 'Scan warnings' });
    await waitFor(() => expect(within(after).queryByRole('button')).not.toBeInTheDocument());
    expect(within(after).getByRole('list', { name: 'Hidden-instruction findings' })).toHaveTextContent('Line 9');
    expect(after).toHaveTextContent('cannot be stripped automatically');
    const [strip] = writes(server);
    expect(strip?.path).toBe(`/api/v1/blueprints/${ID}/strip-invisible`);
    expect(strip?.headers['if-match']).toBe('"r7"');
    expect(strip?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('offers no strip action to readers', async () => {
    server = await startApiServer(
      pageRoutes(detail({ findings: [finding({ category: 'hidden-instruction', rule: 'bidi' })] })),
    );
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const warning = await screen.findByRole('region', { name: 'Scan warnings' });
    expect(within(warning).queryByRole('button')).not.toBeInTheDocument();
  });

  it('warns a reader before downloading hidden content and offers stripped copies for the chosen tool', async () => {
    server = await startApiServer(
      pageRoutes(
        detail({
          findings: [finding({ category: 'hidden-instruction', rule: 'bidi-control', suggestion: undefined })],
        }),
      ),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const notice = await screen.findByRole('region', { name: 'Hidden content in downloads' });
    expect(notice).toHaveTextContent('Downloads and copies include the hidden instructions flagged above (1 finding)');
    // Fetched like the other downloads (values filled in; see the browser tests), with strip=hidden.
    expect(within(notice).getByRole('button', { name: 'Download without hidden content' })).toBeEnabled();
    await user.selectOptions(screen.getByLabelText('Tool and format'), 'AGENTS.md');
    expect(within(notice).getByRole('button', { name: 'Download as zip without hidden content' })).toBeEnabled();
  });

  it('shows no hidden-content notice for clean content', async () => {
    server = await startApiServer(pageRoutes(detail()));
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    await screen.findByLabelText('Tool and format');
    expect(screen.queryByRole('region', { name: 'Hidden content in downloads' })).not.toBeInTheDocument();
  });

  it('fills variables through the render endpoint and shows the preview and what stayed unresolved', async () => {
    server = await startApiServer(
      pageRoutes(
        detail({
          content: '# [[PROJECT|acme]]\n\nKey: [[API_KEY]]\n',
          variables: [
            { name: 'PROJECT', defaultValue: 'acme', occurrences: [{ line: 1, column: 3 }] },
            { name: 'API_KEY', occurrences: [{ line: 3, column: 6 }] },
          ],
        }),
        {
          'POST /api/v1/blueprints/:id/render': (request) => {
            const values = (request.body as { values: Record<string, string> }).values;
            return {
              status: 200,
              body: {
                format: 'cursor-rules',
                path: '.cursor/rules/react-testing-rules.mdc',
                fileName: 'react-testing-rules.mdc',
                mediaType: 'text/markdown; charset=utf-8',
                content: `# ${values.PROJECT ?? 'acme'}\n\nKey: [[API_KEY]]\n`,
                variables: [
                  { name: 'PROJECT', source: values.PROJECT ? 'request' : 'default' },
                  { name: 'API_KEY', source: 'unresolved' },
                ],
                unresolved: ['API_KEY'],
                conversion: { from: 'cursor', to: 'cursor-rules', lossless: true, changes: [] },
                droppedFields: [],
                files: [],
              },
            };
          },
        },
      ),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const form = await screen.findByRole('form', { name: 'Fill in variables' });
    expect(within(form).getByLabelText('PROJECT')).toHaveAttribute('placeholder', 'acme');
    await user.type(within(form).getByLabelText('PROJECT'), 'Lynx');
    await user.click(within(form).getByRole('button', { name: 'Fill in and preview' }));

    const preview = await screen.findByRole('region', { name: 'Rendered preview' });
    expect(await within(preview).findByRole('heading', { name: 'Lynx' })).toBeInTheDocument();
    expect(within(preview).getByRole('status')).toHaveTextContent('Still without a value: [[API_KEY]]');
    expect(within(preview).getByRole('list', { name: 'Where each value came from' })).toHaveTextContent(
      'PROJECT: your value',
    );
    // The variables form renders the blueprint's own format (the export menu's conversion check names one).
    const render = apiCalls(server, 'POST').find((call) => !(call.body as { format?: string }).format);
    expect(render?.path).toBe(`/api/v1/blueprints/${ID}/render`);
    expect(render?.body).toEqual({ values: { PROJECT: 'Lynx' } });
  });

  it('fills the template in the browser once every value is typed, and keeps the server for the rest', async () => {
    server = await startApiServer(
      pageRoutes(
        detail({
          format: 'agents-md',
          content: '# [[PROJECT|acme]]\n\nKey: [[api_key]] for [[Project]]\n',
          variables: [
            { name: 'PROJECT', defaultValue: 'acme', occurrences: [{ line: 1, column: 3 }] },
            { name: 'API_KEY', occurrences: [{ line: 3, column: 6 }] },
          ],
        }),
      ),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const form = await screen.findByRole('form', { name: 'Fill in variables' });
    await user.type(within(form).getByLabelText('PROJECT'), 'Lynx');
    // One value still empty: it may come from a saved value only the server knows, so the button asks the server.
    expect(within(form).getByRole('button', { name: 'Fill in and preview' })).toBeInTheDocument();
    await user.type(within(form).getByLabelText('API_KEY'), 'k-1');
    expect(within(form).queryByRole('button', { name: 'Fill in and preview' })).toBeNull();

    const preview = await screen.findByRole('region', { name: 'Rendered preview' });
    expect(await within(preview).findByRole('heading', { name: 'Lynx' })).toBeInTheDocument();
    expect(preview).toHaveTextContent('Key: k-1 for Lynx');
    expect(within(preview).getByRole('list', { name: 'Where each value came from' })).toHaveTextContent(
      'PROJECT: your valueAPI_KEY: your value',
    );
    expect(within(preview).queryByRole('status')).toBeNull();
    // Typing on updates the preview without a request.
    await user.type(within(form).getByLabelText('API_KEY'), '2');
    await waitFor(() => expect(preview).toHaveTextContent('Key: k-12 for Lynx'));
    expect(apiCalls(server, 'POST').filter((call) => !(call.body as { format?: string }).format)).toEqual([]);
  });

  it('exports: pick a tool, preview the converted file, copy it or download it', async () => {
    const converted = '---\ndescription: How we test\nalwaysApply: true\n---\n# Testing\n';
    server = await startApiServer(
      pageRoutes(detail({ format: 'agents-md' }), {
        'POST /api/v1/blueprints/:id/render': (request) => {
          const format = (request.body as { format: string }).format;
          return { status: 200, body: rendered({ format, content: converted }) };
        },
      }),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const exportForm = await screen.findByRole('form', { name: 'Export' });
    const select = within(exportForm).getByLabelText('Tool and format');
    expect(select).toHaveValue('agents-md');
    // Only the targets that take this kind (rules) are offered.
    const options = within(select)
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(options.sort()).toEqual(['agents-md', 'copilot-instructions', 'cursor-rules']);

    await user.selectOptions(select, 'Cursor project rule (.mdc)');
    await user.click(within(exportForm).getByRole('button', { name: 'Preview file' }));

    const preview = await screen.findByRole('region', { name: 'File preview' });
    expect(within(preview).getByText('.cursor/rules/react-testing-rules.mdc')).toBeInTheDocument();
    await waitFor(() => expect(preview.querySelector('pre code')?.textContent).toBe(converted));
    // The conversion of each chosen target is checked first, then the preview fills the values in.
    expect(apiCalls(server, 'POST').map((call) => call.body)).toEqual([
      { format: 'agents-md' },
      { format: 'cursor-rules' },
      { format: 'cursor-rules', values: {} },
    ]);
    expect(screen.getByRole('region', { name: 'What the conversion changes' })).toHaveTextContent(
      'Nothing lost Converted to Cursor project rule (.mdc), it keeps everything this blueprint says.',
    );

    await user.click(within(preview).getByRole('button', { name: 'Copy to clipboard' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(converted);
    // Downloads are fetched with the values typed on the page (see the browser test), never plain links.
    expect(within(preview).getByRole('button', { name: 'Download react-testing-rules.mdc' })).toBeEnabled();
    expect(within(preview).getByRole('button', { name: 'Download as zip' })).toBeEnabled();
    expect(within(preview).queryByRole('link', { name: /Download/ })).toBeNull();
  });

  it('shows what converting to the chosen tool drops before any download, losses first, and the file it writes', async () => {
    const command = detail({
      name: 'clean_gone',
      slug: 'clean-gone',
      kind: 'command',
      format: 'claude-command',
      content: '---\nallowed-tools: Bash(git:*)\nmodel: opus\n---\nClean the branches $ARGUMENTS\n',
    });
    const targets = [
      ...formats,
      { ...formats[3]!, id: 'cursor-command', tool: 'cursor', toolName: 'Cursor', label: 'Cursor command' },
      {
        ...formats[3]!,
        id: 'copilot-prompt',
        tool: 'github-copilot',
        toolName: 'GitHub Copilot',
        label: 'Copilot prompt file',
        path: '.github/prompts/{slug}.prompt.md',
      },
    ];
    const cursor = rendered({
      format: 'cursor-command',
      path: '.cursor/commands/clean_gone.md',
      fileName: 'clean_gone.md',
      content: 'Clean the branches $ARGUMENTS\n',
      conversion: {
        from: 'claude-code',
        to: 'cursor-command',
        lossless: false,
        changes: [
          { field: 'name', change: 'derived', message: 'The file is named after the blueprint', to: 'clean_gone' },
          { field: 'model', change: 'dropped', message: 'Cursor commands cannot choose a model', from: 'opus' },
          { field: 'body', change: 'translated', message: '$ARGUMENTS has no Cursor equivalent: left as text' },
          { field: 'allowedTools', change: 'dropped', message: 'Cursor commands have no tool list' },
        ],
      },
      droppedFields: ['model', 'allowedTools'],
    });
    const copilot = rendered({
      format: 'copilot-prompt',
      path: '.github/prompts/clean_gone.prompt.md',
      fileName: 'clean_gone.prompt.md',
      conversion: {
        from: 'claude-code',
        to: 'copilot-prompt',
        lossless: true,
        changes: [{ field: 'argumentHint', change: 'translated', message: '$ARGUMENTS became ${input:args}' }],
      },
    });
    server = await startApiServer(
      pageRoutes(command, {
        'GET /api/v1/formats': { status: 200, body: { items: targets } },
        'POST /api/v1/blueprints/:id/render': (request) => {
          const format = (request.body as { format?: string }).format;
          if (format === 'cursor-command') return { status: 200, body: cursor };
          if (format === 'copilot-prompt') return { status: 200, body: copilot };
          return { status: 200, body: rendered({ format: 'claude-command', path: '.claude/commands/clean_gone.md' }) };
        },
      }),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    await user.selectOptions(await screen.findByLabelText('Tool and format'), 'Cursor command');
    const exportSection = screen.getByRole('region', { name: 'Export' });

    // Before any preview or download: the report and the path the converted file takes.
    const report = await within(exportSection).findByRole('region', { name: 'What the conversion changes' });
    await waitFor(() =>
      expect(report).toHaveTextContent('Converted to Cursor command, it loses 2 things this blueprint says'),
    );
    expect(report).toHaveTextContent('(2 dropped, 1 derived, 1 translated)');
    const items = within(report).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Dropped model: Cursor commands cannot choose a model opus',
      'Dropped allowedTools: Cursor commands have no tool list',
      'Derived name: The file is named after the blueprint clean_gone',
      'Translated body: $ARGUMENTS has no Cursor equivalent: left as text',
    ]);
    // Losses stand out; derived and translated values keep the meaning.
    expect(items.map((item) => item.querySelector('.badge')?.classList.contains('badge--danger'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(report).toHaveClass('conversion--lossy');
    expect(within(exportSection).getByText('.cursor/commands/clean_gone.md')).toBeInTheDocument();
    expect(within(exportSection).queryByRole('button', { name: /Download/ })).not.toBeInTheDocument();

    // The preview keeps the report beside the download buttons.
    await user.click(within(exportSection).getByRole('button', { name: 'Preview file' }));
    const preview = await within(exportSection).findByRole('region', { name: 'File preview' });
    expect(within(preview).getByRole('button', { name: 'Download clean_gone.md' })).toBeEnabled();
    expect(within(exportSection).getByRole('region', { name: 'What the conversion changes' })).toHaveTextContent(
      'Dropped model',
    );

    // Another target: its own report and its own file name, named after the blueprint.
    await user.selectOptions(within(exportSection).getByLabelText('Tool and format'), 'Copilot prompt file');
    await waitFor(() =>
      expect(within(exportSection).getByRole('region', { name: 'What the conversion changes' })).toHaveTextContent(
        'Nothing lost Converted to Copilot prompt file, it keeps the meaning; some values are written differently (1 translated):',
      ),
    );
    expect(within(exportSection).getByText('.github/prompts/clean_gone.prompt.md')).toBeInTheDocument();
    expect(within(exportSection).getByRole('region', { name: 'What the conversion changes' })).not.toHaveClass(
      'conversion--lossy',
    );
  });

  it('lists a skill’s attached files with their scans, shows a text file, and downloads the skill as a zip', async () => {
    const skill = detail({
      name: 'pdf',
      slug: 'pdf',
      kind: 'skill',
      format: 'claude-skill',
      content: '---\nname: pdf\ndescription: Read PDFs\n---\nSee references/api.md.\n',
      files: [
        attachedFile({ path: 'scripts/extract.py', sizeBytes: 300 }),
        attachedFile({
          path: 'references/api.md',
          findings: [finding({ id: 'f_c', category: 'hidden-instruction', rule: 'html-comment-instruction', line: 2 })],
          findingTotals: { secrets: { high: 0, low: 0 }, hiddenInstructions: 1, truncated: false },
        }),
        attachedFile({ path: 'assets/logo.png', encoding: 'base64', sizeBytes: 2048 }),
      ],
    });
    const targets = [
      ...formats,
      {
        ...formats[3]!,
        id: 'claude-skill',
        label: 'Claude Code skill (SKILL.md)',
        kinds: ['skill' as const],
        path: '.claude/skills/{slug}/SKILL.md',
      },
    ];
    server = await startApiServer(
      pageRoutes(skill, {
        'GET /api/v1/formats': { status: 200, body: { items: targets } },
        'GET /api/v1/blueprints/:id/files': (request) => {
          const path = new URLSearchParams(request.url.split('?')[1]).get('path');
          return path === 'references/api.md'
            ? { status: 200, text: '# The API\n\nCall `extract(path)`.\n' }
            : errorReply(404, 'ATTACHED_FILE_NOT_FOUND', 'No such file');
        },
        'POST /api/v1/blueprints/:id/render': (request) => ({
          status: 200,
          body: rendered({
            format: (request.body as { format?: string }).format ?? 'claude-skill',
            path: '.claude/skills/pdf/SKILL.md',
            fileName: 'SKILL.md',
            files: ['assets/logo.png', 'references/api.md', 'scripts/extract.py'].map((path) => ({
              path: `.claude/skills/pdf/${path}`,
              encoding: path.endsWith('.png') ? ('base64' as const) : ('utf8' as const),
            })),
          }),
        }),
        'POST /api/v1/blueprints/:id/download': { status: 200, body: {} },
      }),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const section = await screen.findByRole('region', { name: 'Attached files' });
    const list = within(section).getByRole('list', { name: 'Attached files' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('code')?.textContent)).toEqual([
      'assets/logo.png',
      'references/api.md',
      'scripts/extract.py',
    ]);
    expect(rows[0]).toHaveTextContent('2.0 KB');
    expect(rows[0]).toHaveTextContent('Binary, not scanned');
    expect(within(rows[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('1 finding (hidden instructions)');
    expect(rows[2]).toHaveTextContent('300 B');
    expect(rows[2]).toHaveTextContent('No findings');
    expect(section).toHaveTextContent('Downloads come as a zip with all of them.');

    await user.click(within(rows[1]!).getByRole('button', { name: 'View references/api.md' }));
    const content = await within(rows[1]!).findByRole('region', { name: 'Content of references/api.md' });
    await waitFor(() =>
      expect(content.querySelector('pre code')?.textContent).toBe('# The API\n\nCall `extract(path)`.\n'),
    );
    expect(within(rows[1]!).getByRole('list', { name: 'Findings in references/api.md' })).toHaveTextContent('Line 2');
    expect(apiCalls(server, 'GET').find((call) => call.path.endsWith('/files'))?.url).toBe(
      `/api/v1/blueprints/${ID}/files?path=references%2Fapi.md&version=3`,
    );

    // Export: the folder travels as a zip; there is no single-file download that would leave the files behind.
    const exportSection = screen.getByRole('region', { name: 'Export' });
    expect(await within(exportSection).findByRole('note')).toHaveTextContent(
      'This skill is a folder: downloads come as a zip holding SKILL.md and its 3 attached files',
    );
    expect(within(exportSection).getByText(/with 3 attached files beside it/)).toBeInTheDocument();
    await user.click(within(exportSection).getByRole('button', { name: 'Preview file' }));
    const preview = await within(exportSection).findByRole('region', { name: 'File preview' });
    expect(within(preview).queryByRole('button', { name: 'Download SKILL.md' })).not.toBeInTheDocument();
    const createObjectURL = vi.fn(() => 'blob:zip');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      await user.click(within(preview).getByRole('button', { name: 'Download the skill folder as zip' }));
      await waitFor(() => expect(click).toHaveBeenCalled());
    } finally {
      click.mockRestore();
    }
    expect(writes(server).map((call) => call.body)).toEqual([{ format: 'claude-skill', values: {}, archive: 'zip' }]);
  });

  it('tells the owner which versions the secret policy withholds from readers, and why', async () => {
    server = await startApiServer(
      pageRoutes(detail({ isOwner: true }), {
        'GET /api/v1/blueprints/:id/versions': {
          status: 200,
          body: {
            items: [
              version(2, { isPublished: true }),
              version(1, { withheld: true, withheldReason: 'SECRET_DETECTED' }),
            ],
          },
        },
      }),
    );
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const versions = await screen.findByRole('list', { name: 'Versions' });
    const item = (number: number) =>
      within(versions)
        .getAllByRole('listitem')
        .find((candidate) => candidate.textContent?.startsWith(`Version ${number}`))!;
    expect(within(item(1)).getByRole('note')).toHaveTextContent('Withheld from readers: contains a possible secret');
    expect(within(item(2)).queryByRole('note')).toBeNull();
  });

  it('compares two versions as a unified diff with added and removed lines marked', async () => {
    server = await startApiServer(
      pageRoutes(detail(), {
        'GET /api/v1/blueprints/:id/diff': (request) => {
          const params = new URLSearchParams(request.url.split('?')[1]);
          return {
            status: 200,
            body: {
              from: Number(params.get('from')),
              to: Number(params.get('to')),
              unified: [
                '--- v1',
                '+++ v3',
                '@@ -1,3 +1,4 @@',
                ' # Testing',
                '-Use enzyme.',
                '+Use Testing Library.',
                '+-- a line that starts with dashes',
                ' Done',
                '',
              ].join('\n'),
            },
          };
        },
      }),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const versions = await screen.findByRole('list', { name: 'Versions' });
    expect(
      within(versions)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.item__title')?.textContent),
    ).toEqual(['Version 3Published', 'Version 2', 'Version 1']);
    const compare = screen.getByRole('region', { name: 'Compare versions' });
    await user.selectOptions(within(compare).getByLabelText('From'), 'Version 1');
    await user.click(within(compare).getByRole('button', { name: 'Compare' }));

    const diff = await within(compare).findByRole('figure', { name: 'Changes from version 1 to version 3' });
    const removed = diff.querySelectorAll('tr.diff__line--removed');
    const added = diff.querySelectorAll('tr.diff__line--added');
    expect([...removed].map((row) => row.querySelector('del')?.textContent)).toEqual(['Use enzyme.']);
    expect([...added].map((row) => row.querySelector('ins')?.textContent)).toEqual([
      'Use Testing Library.',
      '-- a line that starts with dashes',
    ]);
    expect(within(diff).getByText('2 lines added, 1 lines removed')).toBeInTheDocument();
    expect(apiCalls(server, 'GET').find((call) => call.path.endsWith('/diff'))?.url).toBe(
      `/api/v1/blueprints/${ID}/diff?from=1&to=3`,
    );
  });

  it('shows an old version on request', async () => {
    server = await startApiServer(
      pageRoutes(detail(), {
        'GET /api/v1/blueprints/:id/versions/:number': (_request, params) => ({
          status: 200,
          body: { ...version(Number(params.number)), content: `# Old version ${params.number}\n`, findings: [] },
        }),
      }),
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    await user.click(await screen.findByRole('button', { name: 'View version 1' }));
    const old = await screen.findByRole('region', { name: 'Content of version 1' });
    expect(await within(old).findByRole('heading', { name: 'Old version 1' })).toBeInTheDocument();
  });

  it('lets a signed-in reader favourite and fork, with attribution on the fork', async () => {
    const fork = detail({
      id: 'bp_fork000000000001',
      name: 'React testing rules',
      visibility: 'private',
      isOwner: true,
      author: ada,
      forkedFrom: { id: ID, name: 'React testing rules', author: detail().author },
    });
    server = await startApiServer(
      pageRoutes(
        detail(),
        {
          'PUT /api/v1/blueprints/:id/favorite': { status: 200, body: { favorite: true, favoriteCount: 43 } },
          'POST /api/v1/blueprints/:id/fork': { status: 201, body: fork },
        },
        [fork],
      ),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const favourite = await screen.findByRole('button', { name: '☆ Favourite' });
    expect(favourite).toHaveAttribute('aria-pressed', 'false');
    await user.click(favourite);
    expect(await screen.findByRole('button', { name: '★ Favourited' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('43')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fork' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/blueprints/bp_fork000000000001'));
    const lineage = await screen.findByText(/Forked from/);
    expect(within(lineage).getByRole('link', { name: 'React testing rules' })).toHaveAttribute(
      'href',
      `/blueprints/${ID}`,
    );
    expect(lineage).toHaveTextContent('by Grace Hopper @grace');
    expect(apiCalls(server, 'PUT')[0]?.path).toBe(`/api/v1/blueprints/${ID}/favorite`);
    expect(writes(server)[0]?.path).toBe(`/api/v1/blueprints/${ID}/fork`);
  });

  it('asks anonymous readers to sign in instead of offering favourite and fork', async () => {
    server = await startApiServer(pageRoutes(detail()));
    renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    expect(await screen.findByRole('link', { name: 'Sign in to favourite or fork' })).toHaveAttribute(
      'href',
      `/sign-in?returnTo=${encodeURIComponent(`/blueprints/${ID}`)}`,
    );
    expect(screen.queryByRole('button', { name: 'Fork' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('gives the owner publish, restore and delete, each sent with If-Match', async () => {
    const draft = detail({ isOwner: true, isDraft: true, publishedVersion: 2, headVersion: 3, version: 3 });
    server = await startApiServer(
      {
        ...pageRoutes(draft),
        'POST /api/v1/blueprints/:id/publish': {
          status: 200,
          body: { ...draft, revision: 8, publishedVersion: 3, isDraft: false },
        },
        'POST /api/v1/blueprints/:id/versions/:number/restore': {
          status: 200,
          body: { ...draft, revision: 9, headVersion: 4, version: 4 },
        },
        'DELETE /api/v1/blueprints/:id': { status: 204 },
        'GET /api/v1/me/blueprints': { status: 200, body: { items: [], nextCursor: null } },
        'GET /api/v1/me/favorites': { status: 200, body: { items: [], nextCursor: null } },
      },
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    expect(await screen.findByRole('note')).toHaveTextContent(
      'You are seeing the draft (version 3). Others see version 2.',
    );
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', `/blueprints/${ID}/edit`);

    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Publish version 3' })).not.toBeInTheDocument());
    const [publish] = writes(server);
    expect(publish?.body).toEqual({ version: 3 });
    expect(publish?.headers['if-match']).toBe('"r7"');

    await user.click(await screen.findByRole('button', { name: 'Restore version 1' }));
    await waitFor(() => expect(writes(server!)).toHaveLength(2));
    const restore = writes(server)[1];
    expect(restore?.path).toBe(`/api/v1/blueprints/${ID}/versions/1/restore`);
    // The revision the page shows after the publish.
    expect(restore?.headers['if-match']).toBe('"r8"');

    await user.click(screen.getByRole('button', { name: 'Delete React testing rules' }));
    expect(apiCalls(server, 'DELETE')).toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Confirm deleting React testing rules' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/blueprints'));
    const [remove] = apiCalls(server, 'DELETE');
    expect(remove?.headers['if-match']).toBe('"r9"');
  });

  it('publishes with the ticked acknowledgement from the Publish button itself, keeping the tick', async () => {
    const draft = detail({ isOwner: true, isDraft: true, publishedVersion: 2, headVersion: 3, version: 3 });
    const low = finding({ id: 'f_low', confidence: 'low', line: 4, column: 5 });
    server = await startApiServer(
      {
        ...pageRoutes(draft),
        'POST /api/v1/blueprints/:id/publish': (request) =>
          (request.body as { acknowledgedFindings?: string[] }).acknowledgedFindings?.includes('f_low')
            ? { status: 200, body: { ...draft, revision: 8, publishedVersion: 3, isDraft: false } }
            : errorReply(422, 'FINDINGS_NOT_ACKNOWLEDGED', 'The content may contain secrets', { findings: [low] }),
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    const publish = await screen.findByRole('button', { name: 'Publish version 3' });
    await user.click(publish);
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('checkbox', { name: /line 4, column 5/ }));
    await user.click(publish);

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Publish version 3' })).not.toBeInTheDocument());
    expect(writes(server).map((call) => call.body)).toEqual([
      { version: 3 },
      { version: 3, acknowledgedFindings: ['f_low'] },
    ]);
  });

  it('explains a 412 on an owner action and reloads the blueprint on request', async () => {
    let revision = 7;
    server = await startApiServer(
      {
        ...pageRoutes(() => detail({ isOwner: true, isDraft: true, publishedVersion: 2, revision })),
        'POST /api/v1/blueprints/:id/publish': () => {
          revision = 12;
          return errorReply(412, 'PRECONDITION_FAILED', 'The blueprint changed since you read it', {
            currentETag: '"r12"',
          });
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });

    await user.click(await screen.findByRole('button', { name: 'Publish version 3' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('changed somewhere else');
    expect(within(alert).getByText('PRECONDITION_FAILED')).toBeInTheDocument();
    const reads = () => apiCalls(server!, 'GET').filter((call) => call.path === `/api/v1/blueprints/${ID}`).length;
    const before = reads();
    await user.click(within(alert).getByRole('button', { name: 'Reload the latest version' }));
    await waitFor(() => expect(reads()).toBe(before + 1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  describe('a blueprint from another instance', () => {
    const REMOTE = 'rb_k3n8q2x7w9m4p6r2';
    const ORIGINAL = 'https://rules.other.test/blueprints/bp_orig000000000001';
    const remote = (overrides: Partial<BlueprintDetail> = {}) =>
      detail({
        id: REMOTE,
        license: 'CC-BY-4.0',
        origin: { instance: 'rules.other.test', local: false, url: ORIGINAL, signed: true },
        ...overrides,
      });

    it('says where it was published, links to the original, and offers no owner or favourite controls', async () => {
      server = await startApiServer(pageRoutes(remote()), { session: activeSession() });
      renderApp({ apiBaseUrl: server.url, path: `/blueprints/${REMOTE}` });

      const header = (await screen.findByRole('heading', { level: 1, name: 'React testing rules' })).closest(
        'header',
      ) as HTMLElement;
      expect(within(header).getByText('Published on rules.other.test')).toBeInTheDocument();
      expect(within(header).getByText('From rules.other.test')).toHaveClass('badge--remote');
      const original = within(header).getByRole('link', {
        name: 'View the original on rules.other.test (opens in a new tab)',
      });
      expect(original).toHaveAttribute('href', ORIGINAL);
      expect(original).toHaveAttribute('target', '_blank');
      expect(original).toHaveAttribute('rel', 'noopener noreferrer');
      // An author handle means something on its own instance only: without a profile URL, the catalogue filter.
      expect(within(header).getByRole('link', { name: /Grace Hopper/ })).toHaveAttribute(
        'href',
        '/blueprints?instance=rules.other.test&author=grace',
      );

      expect(screen.getByRole('button', { name: 'Fork' })).toBeInTheDocument();
      for (const name of [/Favourite/, /^Publish/, 'Unpublish', /Delete/, 'Hide', 'Unhide']) {
        expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      }
      expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
      // Its history stays on its own instance: nothing asks this one for versions.
      expect(screen.queryByRole('region', { name: 'Versions' })).not.toBeInTheDocument();
      expect(apiCalls(server).map((call) => call.path)).not.toContain(`/api/v1/blueprints/${REMOTE}/versions`);
    });

    it('never turns an original address that is not http(s) into a link, and flags an unsigned copy', async () => {
      server = await startApiServer(
        pageRoutes(
          remote({
            origin: { instance: 'old.example', local: false, url: 'javascript:alert(document.cookie)', signed: false },
          }),
        ),
      );
      renderApp({ apiBaseUrl: server.url, path: `/blueprints/${REMOTE}` });

      const header = (await screen.findByRole('heading', { level: 1, name: 'React testing rules' })).closest(
        'header',
      ) as HTMLElement;
      expect(within(header).getByText('Published on old.example')).toBeInTheDocument();
      expect(within(header).queryByRole('link', { name: /View the original/ })).not.toBeInTheDocument();
      expect(within(header).getByText('Unsigned')).toBeInTheDocument();
      expect(within(header).getByText(/could not be verified/)).toBeInTheDocument();
      for (const link of document.querySelectorAll('a')) {
        expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
      }
      expect(screen.getByRole('link', { name: 'Sign in to fork' })).toBeInTheDocument();
    });

    it('explains a fork refused by the licence with its code', async () => {
      server = await startApiServer(
        pageRoutes(remote({ license: 'CC-BY-ND-4.0' }), {
          'POST /api/v1/blueprints/:id/fork': errorReply(
            403,
            'REMOTE_LICENSE_FORBIDS_FORK',
            'The licence CC-BY-ND-4.0 does not clearly allow derivative works',
            { license: 'CC-BY-ND-4.0' },
          ),
        }),
        { session: activeSession() },
      );
      const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${REMOTE}` });

      await user.click(await screen.findByRole('button', { name: 'Fork' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        'This blueprint cannot be forked: its licence (CC-BY-ND-4.0) does not clearly allow derivative works.',
      );
      expect(within(alert).getByText('REMOTE_LICENSE_FORBIDS_FORK')).toBeInTheDocument();
      expect(router.state.location.pathname).toBe(`/blueprints/${REMOTE}`);
    });

    it('forks into a local blueprint that says where it was forked from', async () => {
      const fork = detail({
        id: 'bp_fork000000000002',
        isOwner: true,
        author: ada,
        visibility: 'private',
        forkedFromRemote: { url: ORIGINAL, id: REMOTE, name: 'React testing rules' },
      });
      server = await startApiServer(
        pageRoutes(remote(), { 'POST /api/v1/blueprints/:id/fork': { status: 201, body: fork } }, [fork]),
        { session: activeSession() },
      );
      const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${REMOTE}` });

      await user.click(await screen.findByRole('button', { name: 'Fork' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/blueprints/bp_fork000000000002'));
      const lineage = await screen.findByText(/Forked from/);
      expect(lineage).toHaveTextContent(`Forked from ${ORIGINAL}`);
      expect(within(lineage).getByRole('link', { name: `${ORIGINAL} (opens in a new tab)` })).toHaveAttribute(
        'rel',
        'noopener noreferrer',
      );
      expect(within(lineage).getByRole('link', { name: 'React testing rules' })).toHaveAttribute(
        'href',
        `/blueprints/${REMOTE}`,
      );
      expect(screen.getByRole('link', { name: 'Edit' })).toBeInTheDocument();
    });

    it('lets an admin hide it and unhide it', async () => {
      let hidden = false;
      const moderation = () => ({
        status: 200,
        body: { id: REMOTE, hidden, listed: !hidden, hiddenAt: hidden ? '2026-01-06T10:00:00.000Z' : null },
      });
      server = await startApiServer(
        pageRoutes(() => remote(), {
          'POST /api/v1/admin/federation/remote-blueprints/:id/hide': () => {
            hidden = true;
            return moderation();
          },
          'POST /api/v1/admin/federation/remote-blueprints/:id/unhide': () => {
            hidden = false;
            return moderation();
          },
        }),
        { session: activeSession({ user: adminUser }) },
      );
      const { user } = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${REMOTE}` });

      await user.click(await screen.findByRole('button', { name: 'Hide' }));
      expect(await screen.findByText(/Hidden by an administrator/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Unhide' }));
      await waitFor(() => expect(screen.queryByText(/Hidden by an administrator/)).not.toBeInTheDocument());
      expect(screen.getByRole('button', { name: 'Hide' })).toBeInTheDocument();

      const posts = writes(server);
      expect(posts.map((call) => call.path)).toEqual([
        `/api/v1/admin/federation/remote-blueprints/${REMOTE}/hide`,
        `/api/v1/admin/federation/remote-blueprints/${REMOTE}/unhide`,
      ]);
      expect(posts[0]?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
    });
  });

  it("links the author to their profile: /@handle here, their own instance's profile for a remote author", async () => {
    server = await startApiServer(
      pageRoutes(detail(), {}, [
        detail({
          id: 'rb_k3n8q2x7w9m4p6r2',
          origin: {
            instance: 'rules.other.test',
            local: false,
            url: 'https://rules.other.test/blueprints/bp_orig000000000001',
            signed: true,
            authorProfileUrl: 'https://rules.other.test/@grace',
          } as BlueprintDetail['origin'],
        }),
      ]),
    );
    const local = renderApp({ apiBaseUrl: server.url, path: `/blueprints/${ID}` });
    const header = (await screen.findByRole('heading', { level: 1, name: 'React testing rules' })).closest(
      'header',
    ) as HTMLElement;
    expect(within(header).getByRole('link', { name: /Grace Hopper/ })).toHaveAttribute('href', '/@grace');
    local.unmount();

    renderApp({ apiBaseUrl: server.url, path: '/blueprints/rb_k3n8q2x7w9m4p6r2' });
    const remoteHeader = (await screen.findByRole('heading', { level: 1, name: 'React testing rules' })).closest(
      'header',
    ) as HTMLElement;
    const author = within(remoteHeader).getByRole('link', { name: /Grace Hopper/ });
    expect(author).toHaveAttribute('href', 'https://rules.other.test/@grace');
    expect(author).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('answers an unknown or private id with a not-found page', async () => {
    server = await startApiServer(pageRoutes(detail()));
    renderApp({ apiBaseUrl: server.url, path: '/blueprints/bp_someoneelses0001' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Blueprint not found' })).toBeInTheDocument();
  });
});
