import { screen, waitFor, within } from '@testing-library/react';
import { formats, summary } from '../features/blueprints/testing/blueprint-fixtures';
import { directoryEntry } from '../features/federation/testing/federation-fixtures';
import { apiCalls, errorReply, startApiServer, type RecordedRequest, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

const facets = {
  kind: [
    { value: 'rules', count: 12 },
    { value: 'command', count: 3 },
  ],
  tool: [
    { value: 'cursor', count: 9 },
    { value: 'github-copilot', count: 6 },
  ],
  category: [{ value: 'frontend', count: 7 }],
  tags: [
    { value: 'react', count: 8 },
    { value: 'testing', count: 5 },
  ],
  license: [{ value: 'MIT', count: 11 }],
};

// A query common enough that the API counts facets over a sample of its matches.
const sampledFacets = {
  ...facets,
  kind: [
    { value: 'rules', count: 1204 },
    { value: 'command', count: 3 },
  ],
  sample: { size: 10000 },
};

// A query that matches nothing as typed, so the API answers for its corrected form.
const TYPO_QUERY = 'rust-analyzr confg';
const approximate = {
  query: 'rust-analyzer config',
  corrections: [
    { word: 'analyzr', suggestion: 'analyzer' },
    { word: 'confg', suggestion: 'config' },
  ],
};

function searchCalls(server: TestServer): URLSearchParams[] {
  return apiCalls(server, 'GET')
    .filter((call) => call.path === '/api/v1/blueprints')
    .map((call) => new URLSearchParams(call.url.split('?')[1] ?? ''));
}

function query(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

/** Answers the search with results that depend on the request, so a stale render would show. */
function catalogRoute(request: RecordedRequest) {
  const params = new URLSearchParams(request.url.split('?')[1] ?? '');
  const cursor = params.get('cursor');
  if (cursor === 'broken') return errorReply(400, 'INVALID_CURSOR', 'The cursor is malformed');
  const label = [params.get('q'), params.get('kind'), ...params.getAll('tag'), cursor].filter(Boolean).join(' ');
  const items = cursor
    ? [summary({ id: 'bp_page2aaaaaaaaaaa', name: `Second page ${label}`, tags: [] })]
    : [
        summary({ name: `First result ${label}`.trim() }),
        summary({
          id: 'bp_remote00000000001',
          name: 'Federated rule',
          kind: 'command',
          tool: 'claude-code',
          origin: {
            instance: 'rules.other.test',
            local: false,
            url: 'https://rules.other.test/blueprints/bp_1',
            signed: params.get('unsigned') !== 'true',
          },
          favoriteCount: 1,
          downloadCount: 0,
        }),
      ];
  return {
    status: 200,
    body: {
      items,
      nextCursor: cursor ? null : 'cursor-2',
      ...(params.get('facets') === 'true' ? { facets: params.get('q') === 'common' ? sampledFacets : facets } : {}),
      ...(params.get('q') === TYPO_QUERY ? { approximate } : {}),
    },
  };
}

describe('CataloguePage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    server = await startApiServer({
      'GET /api/v1/blueprints': catalogRoute,
      'GET /api/v1/formats': { status: 200, body: { items: formats } },
      'GET /api/v1/federation/peers': {
        status: 200,
        body: {
          items: [
            directoryEntry(),
            directoryEntry({ domain: 'old.example', name: 'Old Prompts', signed: false, status: 'failing' }),
          ],
        },
      },
    });
    return server;
  }

  it('lists results with their facts and origin, and facet counts from the first page', async () => {
    const api = await start();
    renderApp({ apiBaseUrl: api.url, path: '/blueprints' });

    const results = await screen.findByRole('region', { name: 'Results' });
    const first = (await within(results).findByRole('link', { name: 'First result' })).closest('article');
    expect(first).not.toBeNull();
    const card = within(first as HTMLElement);
    expect(card.getByText('How we test React components with Testing Library.')).toBeInTheDocument();
    expect(card.getByText('Rules')).toBeInTheDocument();
    expect(await card.findByText('Cursor')).toBeInTheDocument();
    expect(card.getByText('#react')).toBeInTheDocument();
    expect(card.getByText('#testing')).toBeInTheDocument();
    expect(card.getByText('Grace Hopper')).toBeInTheDocument();
    expect(card.getByText('42 favourites')).toBeInTheDocument();
    expect(card.getByText('1.3K downloads')).toBeInTheDocument();
    expect(card.getByText('prompts.acme.test')).toHaveClass('badge--quiet');
    expect(within(results).getByText('From rules.other.test')).toHaveClass('badge--remote');

    const filters = screen.getByRole('complementary', { name: 'Filters' });
    const kind = within(filters).getByRole('region', { name: 'Kind' });
    expect(within(kind).getByRole('button', { name: 'Rules 12 blueprints' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(kind).getByRole('button', { name: 'Command 3 blueprints' })).toBeInTheDocument();
    expect(await within(filters).findByRole('button', { name: 'GitHub Copilot 6 blueprints' })).toBeInTheDocument();

    const [call] = searchCalls(api);
    expect(query(call!)).toEqual({ limit: '20', facets: 'true' });
  });

  it('keeps search, filters and sort in the URL, starting again at the first page on each change', async () => {
    const api = await start();
    const { user, router } = renderApp({ apiBaseUrl: api.url, path: '/blueprints' });
    await screen.findByRole('link', { name: 'First result' });

    await user.type(screen.getByLabelText('Search blueprints'), 'react hooks');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('link', { name: 'First result react hooks' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=react+hooks');
    expect(screen.getByLabelText('Sort by')).toHaveValue('relevance');

    const filters = screen.getByRole('complementary', { name: 'Filters' });
    await user.click(within(filters).getByRole('button', { name: 'Command 3 blueprints' }));
    await user.click(within(filters).getByRole('button', { name: '#testing 5 blueprints' }));
    await user.click(within(filters).getByRole('button', { name: '#react 8 blueprints' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Most downloaded');

    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=react+hooks&kind=command&tag=testing&tag=react&sort=downloads'),
    );
    expect(
      await screen.findByRole('link', { name: 'First result react hooks command testing react' }),
    ).toBeInTheDocument();
    expect(within(filters).getByRole('button', { name: '#react 8 blueprints' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(query(searchCalls(api).at(-1)!)).toEqual({
      q: 'react hooks',
      kind: 'command',
      tag: ['testing', 'react'],
      sort: 'downloads',
      limit: '20',
      facets: 'true',
    });

    // Pressing a selected value again removes that filter.
    await user.click(within(filters).getByRole('button', { name: 'Command 3 blueprints' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=react+hooks&tag=testing&tag=react&sort=downloads'),
    );

    // Back undoes it.
    await router.navigate(-1);
    await waitFor(() =>
      expect(within(filters).getByRole('button', { name: 'Command 3 blueprints' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
  });

  it('pages with the cursor in the URL, keeps the facets, and goes back to the previous page', async () => {
    const api = await start();
    const { user, router } = renderApp({ apiBaseUrl: api.url, path: '/blueprints?kind=rules' });
    await screen.findByRole('link', { name: 'First result rules' });
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByRole('status')).toHaveTextContent(/^2 blueprints on page 1$/);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Second page rules cursor-2' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?kind=rules&cursor=cursor-2');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(within(results).getByRole('status')).toHaveTextContent(/^1 blueprint on page 2$/);
    // Facets are not asked for again on a later page, and still shown.
    expect(query(searchCalls(api).at(-1)!)).toEqual({ kind: 'rules', cursor: 'cursor-2', limit: '20' });
    expect(screen.getByRole('button', { name: 'Rules 12 blueprints' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Next page' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'First result rules' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?kind=rules');
  });

  it('restores everything from a reloaded URL, page included', async () => {
    const api = await start();
    renderApp({
      apiBaseUrl: api.url,
      path: '/blueprints?q=lint&tag=react&tag=testing&license=MIT&author=grace&sort=newest&cursor=cursor-2',
    });

    expect(await screen.findByRole('link', { name: 'Second page lint react testing cursor-2' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search blueprints')).toHaveValue('lint');
    expect(screen.getByLabelText('Author')).toHaveValue('grace');
    expect(screen.getByLabelText('Sort by')).toHaveValue('newest');
    expect(await screen.findByRole('button', { name: 'MIT 11 blueprints' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'First page' })).toHaveAttribute(
      'href',
      '/blueprints?q=lint&tag=react&tag=testing&author=grace&license=MIT&sort=newest',
    );
    const calls = searchCalls(api).map(query);
    expect(calls).toContainEqual({
      q: 'lint',
      tag: ['react', 'testing'],
      author: 'grace',
      license: 'MIT',
      sort: 'newest',
      cursor: 'cursor-2',
      limit: '20',
    });
    // The facets come from the first page of the same query.
    expect(calls).toContainEqual({
      q: 'lint',
      tag: ['react', 'testing'],
      author: 'grace',
      license: 'MIT',
      sort: 'newest',
      limit: '20',
      facets: 'true',
    });
  });

  it('shows the error code of a rejected cursor', async () => {
    const api = await start();
    renderApp({ apiBaseUrl: api.url, path: '/blueprints?cursor=broken' });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('INVALID_CURSOR')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'First page' })).toBeInTheDocument();
  });

  it('filters by instance (all, this one, or a peer from the directory), kept in the URL', async () => {
    const api = await start();
    const { user, router } = renderApp({ apiBaseUrl: api.url, path: '/blueprints?q=rust' });
    await screen.findByRole('link', { name: 'First result rust' });

    const filters = screen.getByRole('complementary', { name: 'Filters' });
    const instance = within(filters).getByLabelText('Instance');
    expect(instance).toHaveValue('');
    await waitFor(() =>
      expect(
        within(instance)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual([
        'All instances',
        'This instance (prompts.acme.test)',
        'Other Rules (rules.other.test)',
        'Old Prompts (old.example), unsigned',
      ]),
    );

    await user.selectOptions(instance, 'Other Rules (rules.other.test)');
    await waitFor(() => expect(router.state.location.search).toBe('?q=rust&instance=rules.other.test'));
    await waitFor(() =>
      expect(query(searchCalls(api).at(-1)!)).toMatchObject({ q: 'rust', instance: 'rules.other.test' }),
    );
    expect(screen.getByText('From rules.other.test', { selector: '.catalog__active .badge' })).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Instance'), 'This instance (prompts.acme.test)');
    await waitFor(() => expect(router.state.location.search).toBe('?q=rust&instance=prompts.acme.test'));
    expect(screen.getByText('This instance', { selector: '.catalog__active .badge' })).toBeInTheDocument();

    // Back restores the peer; "Clear filters" drops it with the rest.
    await router.navigate(-1);
    await waitFor(() => expect(within(filters).getByLabelText('Instance')).toHaveValue('rules.other.test'));
    await user.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(within(filters).getByLabelText('Instance')).toHaveValue(''));
    expect(router.state.location.search).toBe('');
  });

  it('marks results from a legacy instance as unsigned, and works without the directory', async () => {
    server = await startApiServer({
      'GET /api/v1/blueprints': (request) =>
        catalogRoute({ ...request, url: `${request.url}&unsigned=true` } as RecordedRequest),
      'GET /api/v1/formats': { status: 200, body: { items: formats } },
      'GET /api/v1/federation/peers': errorReply(503, 'SERVICE_UNAVAILABLE', 'Down'),
    });
    renderApp({ apiBaseUrl: server.url, path: '/blueprints?instance=old.example' });

    const card = (await screen.findByRole('link', { name: 'Federated rule' })).closest('article') as HTMLElement;
    expect(within(card).getByText('From rules.other.test')).toHaveClass('badge--remote');
    expect(within(card).getByText('Unsigned')).toBeInTheDocument();
    const instance = within(screen.getByRole('complementary', { name: 'Filters' })).getByLabelText('Instance');
    expect(instance).toHaveValue('old.example');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when nothing matched the search as typed, linking to the corrected search with the same filters', async () => {
    const api = await start();
    const { user, router } = renderApp({
      apiBaseUrl: api.url,
      path: `/blueprints?${new URLSearchParams({ q: TYPO_QUERY, kind: 'rules', sort: 'newest' }).toString()}`,
    });

    const results = await screen.findByRole('region', { name: 'Results' });
    await within(results).findByRole('link', { name: `First result ${TYPO_QUERY} rules` });
    const notice = within(results)
      .getByText(/^No blueprints match/)
      .closest('[role="status"]') as HTMLElement;
    expect(notice).toHaveTextContent(`No blueprints match “${TYPO_QUERY}”. Showing results for rust-analyzer config`);
    expect([...notice.querySelectorAll('strong')].map((word) => word.textContent)).toEqual(['analyzer', 'config']);
    const corrected = within(notice).getByRole('link', { name: 'rust-analyzer config' });
    expect(corrected).toHaveAttribute('href', '/blueprints?q=rust-analyzer+config&kind=rules&sort=newest');
    // The results and facets shown are the API's, for the corrected search.
    expect(screen.getByRole('button', { name: 'Rules 12 blueprints' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(corrected);
    expect(await screen.findByRole('link', { name: 'First result rust-analyzer config rules' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=rust-analyzer+config&kind=rules&sort=newest');
    expect(screen.getByLabelText('Search blueprints')).toHaveValue('rust-analyzer config');
    expect(query(searchCalls(api).at(-1)!)).toMatchObject({ q: 'rust-analyzer config', kind: 'rules' });
    // An answer without `approximate` says nothing about corrections.
    expect(screen.queryByText(/No blueprints match/)).not.toBeInTheDocument();
    expect(within(results).getByRole('status')).toHaveTextContent(/^2 blueprints on page 1$/);
  });

  it('marks facet counts taken over a sample of the matches, and shows whole counts plainly', async () => {
    const api = await start();
    const { user } = renderApp({ apiBaseUrl: api.url, path: '/blueprints?q=common' });

    const filters = screen.getByRole('complementary', { name: 'Filters' });
    expect(await within(filters).findByText('Counts from a sample of 10,000 matches')).toBeInTheDocument();
    const rules = within(filters).getByRole('button', { name: 'Rules 1,204 blueprints in the sample' });
    expect(rules.querySelector('.facet__count')).toHaveTextContent(/^~1,204 blueprints in the sample$/);
    expect(within(filters).getByRole('button', { name: 'MIT 11 blueprints in the sample' })).toBeInTheDocument();
    // The results label counts the page's items, never the facets.
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByRole('status')).toHaveTextContent(/^2 blueprints on page 1$/);

    await user.clear(screen.getByLabelText('Search blueprints'));
    await user.type(screen.getByLabelText('Search blueprints'), 'rare');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const plain = await within(filters).findByRole('button', { name: 'Rules 12 blueprints' });
    expect(plain.querySelector('.facet__count')).toHaveTextContent(/^12 blueprints$/);
    expect(within(filters).queryByText(/Counts from a sample/)).not.toBeInTheDocument();
  });

  it('is linked from the home page and the primary navigation', async () => {
    const api = await start();
    const { user, router } = renderApp({ apiBaseUrl: api.url, path: '/' });

    await user.click(screen.getByRole('link', { name: 'Browse the catalogue' }));
    expect(router.state.location.pathname).toBe('/blueprints');
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'Catalogue' })).toHaveAttribute('aria-current', 'page');
  });
});
