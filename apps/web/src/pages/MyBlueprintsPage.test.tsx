import { screen, within } from '@testing-library/react';
import { summary } from '../features/blueprints/testing/blueprint-fixtures';
import { activeSession, apiCalls, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

// The first render of a file is slow on a busy machine (module loading, jsdom).

describe('MyBlueprintsPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('lists all of mine with visibility and publication state, loads more, and lists favourites', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/me/blueprints': (request) =>
          request.url.includes('cursor=next')
            ? {
                status: 200,
                body: { items: [summary({ id: 'bp_old0000000000001', name: 'Old notes' })], nextCursor: null },
              }
            : {
                status: 200,
                body: {
                  items: [
                    summary({
                      id: 'bp_draft000000000001',
                      name: 'Draft idea',
                      visibility: 'private',
                      publishedVersion: null,
                      headVersion: 1,
                    }),
                    summary({ id: 'bp_changed0000000001', name: 'Changed rules', publishedVersion: 2, headVersion: 3 }),
                  ],
                  nextCursor: 'next',
                },
              },
        'GET /api/v1/me/favorites': {
          status: 200,
          body: { items: [summary({ name: 'Starred rules' })], nextCursor: null },
        },
        'GET /api/v1/formats': { status: 200, body: { items: [] } },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/me/blueprints' });

    const mine = await screen.findByRole('region', { name: 'My blueprints' });
    const draft = (await within(mine).findByRole('link', { name: 'Draft idea' })).closest('article') as HTMLElement;
    expect(within(draft).getByText('Private')).toBeInTheDocument();
    expect(within(draft).getByText('Draft only')).toBeInTheDocument();
    const changed = within(mine).getByRole('link', { name: 'Changed rules' }).closest('article') as HTMLElement;
    expect(within(changed).getByText('Unpublished changes')).toBeInTheDocument();

    await user.click(within(mine).getByRole('button', { name: 'Load more' }));
    expect(await within(mine).findByRole('link', { name: 'Old notes' })).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(
      apiCalls(server, 'GET')
        .filter((call) => call.path === '/api/v1/me/blueprints')
        .map((call) => call.url),
    ).toEqual(['/api/v1/me/blueprints?limit=20', '/api/v1/me/blueprints?cursor=next&limit=20']);

    const favourites = screen.getByRole('list', { name: 'Favourites' });
    expect(within(favourites).getByRole('link', { name: 'Starred rules' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'My blueprints' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'New blueprint' })).toHaveAttribute('href', '/blueprints/new');
  });
});
