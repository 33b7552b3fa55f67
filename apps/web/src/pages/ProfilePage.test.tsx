import { screen, within } from '@testing-library/react';
import type { Profile } from '../features/profiles/api/profiles-api';
import { ada, summary } from '../features/blueprints/testing/blueprint-fixtures';
import { apiCalls, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    kind: 'user',
    handle: 'ada',
    name: 'Ada Lovelace',
    bio: 'Writes the first programs.\nReviews them too.',
    avatarUrl: null,
    websiteUrl: null,
    createdAt: '2026-01-02T10:00:00.000Z',
    counts: { publicBlueprints: 2, hierarchies: 1, favoritesReceived: 12, downloads: 3400 },
    profileUrl: 'http://lynx.test/@ada',
    ...overrides,
  };
}

describe('ProfilePage (/@handle)', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("shows a user's name, bio and counts, and their public blueprints page by page", async () => {
    server = await startApiServer({
      'GET /api/v1/profiles/:handle': (_request, params) =>
        params.handle === 'ada' ? { status: 200, body: profile() } : { status: 404, body: {} },
      'GET /api/v1/profiles/:handle/blueprints': (request) =>
        request.url.includes('cursor=next')
          ? {
              status: 200,
              body: {
                items: [summary({ id: 'bp_old0000000000001', name: 'Older rules', author: ada })],
                nextCursor: null,
              },
            }
          : {
              status: 200,
              body: { items: [summary({ name: 'Analytical rules', author: ada })], nextCursor: 'next' },
            },
      'GET /api/v1/formats': { status: 200, body: { items: [] } },
    });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/@ada' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('@ada')).toBeInTheDocument();
    expect(screen.queryByText('Organization')).not.toBeInTheDocument();
    expect(screen.getByText(/Writes the first programs\./)).toBeInTheDocument();
    const counts = screen.getByText('Public blueprints', { selector: 'dt' }).closest('dl') as HTMLElement;
    expect(within(counts).getByText('Public blueprints').nextSibling).toHaveTextContent('2');
    expect(within(counts).getByText('Favourites received').nextSibling).toHaveTextContent('12');
    expect(within(counts).getByText('Downloads').nextSibling).toHaveTextContent('3,400');

    const list = screen.getByRole('region', { name: 'Public blueprints' });
    const card = (await within(list).findByRole('link', { name: 'Analytical rules' })).closest(
      'article',
    ) as HTMLElement;
    // The author link on a card leads to the author's profile.
    expect(within(card).getByRole('link', { name: /Ada Lovelace/ })).toHaveAttribute('href', '/@ada');
    await user.click(within(list).getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByRole('link', { name: 'Older rules' })).toBeInTheDocument();
    expect(
      apiCalls(server, 'GET')
        .filter((call) => call.path === '/api/v1/profiles/ada/blueprints')
        .map((call) => call.url),
    ).toEqual(['/api/v1/profiles/ada/blueprints?limit=20', '/api/v1/profiles/ada/blueprints?cursor=next&limit=20']);
  });

  it('shows an organization as one: its badge, avatar and website (nofollow, new tab)', async () => {
    server = await startApiServer({
      'GET /api/v1/profiles/acme-corp': {
        status: 200,
        body: profile({
          kind: 'organization',
          handle: 'acme-corp',
          name: 'Acme Corporation',
          bio: 'Shared rules for every Acme repository.',
          avatarUrl: 'https://cdn.example.org/acme.png',
          websiteUrl: 'https://acme.example.org',
          profileUrl: 'http://lynx.test/@acme-corp',
        }),
      },
      'GET /api/v1/profiles/acme-corp/blueprints': {
        status: 200,
        body: {
          items: [
            summary({
              name: 'Acme service rules',
              author: {
                kind: 'organization',
                handle: 'acme-corp',
                displayName: 'Acme Corporation',
                avatarUrl: 'https://cdn.example.org/acme.png',
              },
            }),
          ],
          nextCursor: null,
        },
      },
      'GET /api/v1/formats': { status: 200, body: { items: [] } },
    });
    renderApp({ apiBaseUrl: server.url, path: '/@acme-corp' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corporation' })).toBeInTheDocument();
    expect(screen.getByText('Organization')).toBeInTheDocument();
    const avatar = document.querySelector('img.profile__avatar');
    expect(avatar).toHaveAttribute('src', 'https://cdn.example.org/acme.png');
    const website = screen.getByRole('link', { name: /acme\.example\.org/ });
    expect(website).toHaveAttribute('href', 'https://acme.example.org/');
    expect(website).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    // Its blueprints name the organization, with its avatar, and link back to this page.
    const card = (await screen.findByRole('link', { name: 'Acme service rules' })).closest('article') as HTMLElement;
    const author = within(card).getByRole('link', { name: /Acme Corporation/ });
    expect(author).toHaveAttribute('href', '/@acme-corp');
    expect(author).toHaveTextContent('(organization)');
    expect(author.querySelector('img')).toHaveAttribute('src', 'https://cdn.example.org/acme.png');
  });

  it('links a remote author to their profile on their own instance, and never to a javascript: URL', async () => {
    const remote = { instance: 'prompts.example.org', local: false, url: 'https://prompts.example.org/blueprints/x' };
    server = await startApiServer({
      'GET /api/v1/profiles/ada': { status: 200, body: profile() },
      'GET /api/v1/profiles/ada/blueprints': {
        status: 200,
        body: {
          items: [
            summary({
              id: 'bp_remote00000000001',
              name: 'Remote rules',
              author: { kind: 'user', handle: 'carol', displayName: 'Carol Remote', avatarUrl: null },
              origin: { ...remote, authorProfileUrl: 'https://prompts.example.org/@carol' } as never,
            }),
            summary({
              id: 'bp_remote00000000002',
              name: 'Hostile rules',
              author: { kind: 'user', handle: 'mallory', displayName: 'Mallory', avatarUrl: null },
              origin: { ...remote, authorProfileUrl: 'javascript:alert(1)' } as never,
            }),
          ],
          nextCursor: null,
        },
      },
      'GET /api/v1/formats': { status: 200, body: { items: [] } },
    });
    renderApp({ apiBaseUrl: server.url, path: '/@ada' });

    const carol = (await screen.findByRole('link', { name: 'Remote rules' })).closest('article') as HTMLElement;
    const author = within(carol).getByRole('link', { name: /Carol Remote/ });
    expect(author).toHaveAttribute('href', 'https://prompts.example.org/@carol');
    expect(author).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(author).toHaveAttribute('target', '_blank');
    const mallory = screen.getByRole('link', { name: 'Hostile rules' }).closest('article') as HTMLElement;
    expect(within(mallory).queryByRole('link', { name: /Mallory/ })).not.toBeInTheDocument();
  });

  it('answers an unknown handle with a 404 page, and any other single segment with the not-found page', async () => {
    server = await startApiServer({
      'GET /api/v1/profiles/:handle': {
        status: 404,
        body: {
          error: { code: 'PROFILE_NOT_FOUND', message: 'No user or organization has this handle' },
          requestId: 'r',
        },
      },
    });
    const first = renderApp({ apiBaseUrl: server.url, path: '/@nobody' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No one here' })).toBeInTheDocument();
    expect(screen.getByText('@nobody')).toBeInTheDocument();
    first.unmount();

    renderApp({ apiBaseUrl: server.url, path: '/nothing-here' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(apiCalls(server).filter((call) => call.path.startsWith('/api/v1/profiles/'))).toHaveLength(1);
  });
});
