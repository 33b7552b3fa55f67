import { screen, waitFor, within } from '@testing-library/react';
import type { AuthorRef } from '../features/blueprints/api/blueprint-types';
import { formats, summary } from '../features/blueprints/testing/blueprint-fixtures';
import { activeSession, apiCalls, errorReply, startApiServer, type TestServer } from '../test/http-server';
import { organizationLayoutRoutes } from '../test/organizations';
import { renderApp } from '../test/render-app';

const BLUEPRINTS = '/api/v1/organizations/acme/blueprints';
const HIERARCHIES = '/api/v1/organizations/acme/hierarchies';
const acmeAuthor: AuthorRef = { kind: 'organization', handle: 'acme', displayName: 'Acme Corp', avatarUrl: null };

const hierarchy = {
  id: '7e0b1c2d-0000-4000-8000-00000000a001',
  name: 'Monorepo layout',
  description: 'Root rules and one file per package',
  blueprintCount: 3,
  updatedAt: '2026-01-12T09:00:00.000Z',
};

/** The page's Blueprints section (the header has a "New blueprint" link of its own). */
const section = () => screen.getByRole('region', { name: 'Blueprints' });

const SCAN = {
  status: 200,
  body: { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false, variables: [] },
};

describe('Organization blueprints page', { timeout: 20_000 }, () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('lists a Member the team blueprints and drafts with their state, loads more, and lists the hierarchies', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('member'),
        [`GET ${BLUEPRINTS}`]: (request) =>
          request.url.includes('cursor=next')
            ? {
                status: 200,
                body: {
                  items: [summary({ id: 'bp_old0000000000001', name: 'Old conventions', author: acmeAuthor })],
                  nextCursor: null,
                },
              }
            : {
                status: 200,
                body: {
                  items: [
                    summary({
                      id: 'bp_team000000000001',
                      name: 'Team review rules',
                      visibility: 'team',
                      author: acmeAuthor,
                    }),
                    summary({
                      id: 'bp_draft00000000001',
                      name: 'Draft idea',
                      visibility: 'private',
                      publishedVersion: null,
                      headVersion: 1,
                      author: acmeAuthor,
                    }),
                  ],
                  nextCursor: 'next',
                },
              },
        [`GET ${HIERARCHIES}`]: { status: 200, body: { items: [hierarchy] } },
        'GET /api/v1/formats': { status: 200, body: { items: [] } },
      },
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme' });

    // The tab comes right after Overview and is every member's.
    const nav = await screen.findByRole('navigation', { name: 'Organization' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Overview', 'Blueprints', 'Members']);
    await user.click(within(nav).getByRole('link', { name: 'Blueprints' }));
    expect(router.state.location.pathname).toBe('/orgs/acme/blueprints');
    expect(within(nav).getByRole('link', { name: 'Blueprints' })).toHaveAttribute('aria-current', 'page');

    const list = await screen.findByRole('list', { name: 'Blueprints of Acme Corp' });
    const team = within(list).getByRole('link', { name: 'Team review rules' }).closest('article') as HTMLElement;
    expect(within(team).getByText('Team (organization members)')).toBeInTheDocument();
    expect(within(team).getByText('Published v3')).toBeInTheDocument();
    const draft = within(list).getByRole('link', { name: 'Draft idea' }).closest('article') as HTMLElement;
    expect(within(draft).getByText('Private')).toBeInTheDocument();
    expect(within(draft).getByText('Draft only')).toBeInTheDocument();
    expect(within(draft).getByRole('link', { name: 'Draft idea' })).toHaveAttribute(
      'href',
      '/blueprints/bp_draft00000000001',
    );

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByRole('link', { name: 'Old conventions' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(
      apiCalls(server, 'GET')
        .filter((call) => call.path === BLUEPRINTS)
        .map((call) => call.url),
    ).toEqual([`${BLUEPRINTS}?limit=20`, `${BLUEPRINTS}?cursor=next&limit=20`]);

    const hierarchies = screen.getByRole('list', { name: 'Hierarchies of Acme Corp' });
    expect(within(hierarchies).getByRole('link', { name: 'Monorepo layout' })).toHaveAttribute(
      'href',
      `/hierarchies/${hierarchy.id}`,
    );
    expect(within(hierarchies).getByText('3 blueprints')).toBeInTheDocument();

    expect(within(section()).getByRole('link', { name: 'New blueprint' })).toHaveAttribute(
      'href',
      '/blueprints/new?organization=acme',
    );
  });

  it('opens the editor with the organization chosen as the owner, and creates the blueprint there', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('member'),
        [`GET ${BLUEPRINTS}`]: { status: 200, body: { items: [], nextCursor: null } },
        [`GET ${HIERARCHIES}`]: { status: 200, body: { items: [] } },
        'GET /api/v1/formats': { status: 200, body: { items: formats } },
        'POST /api/v1/scan': SCAN,
        'POST /api/v1/blueprints': errorReply(503, 'SERVICE_UNAVAILABLE', 'Stopped here on purpose'),
      },
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/blueprints' });
    expect(await screen.findByText('Acme Corp has no blueprints yet. Create the first one.')).toBeInTheDocument();
    expect(await screen.findByText('Acme Corp has no hierarchies you can see yet.')).toBeInTheDocument();

    await user.click(within(section()).getByRole('link', { name: 'New blueprint' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/blueprints/new'));
    const owner = await screen.findByLabelText('Owner');
    expect(owner).toHaveValue('acme');
    // A Member's choices for an organization: private or team drafts.
    expect(screen.getByRole('radio', { name: /^Team/ })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /^Public/ })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Name'));
    await user.paste('Acme review rules');
    await user.click(screen.getByLabelText('Content'));
    await user.paste('# Review');
    await user.click(screen.getByRole('button', { name: 'Create blueprint' }));
    await waitFor(() =>
      expect(apiCalls(server!, 'POST').some((call) => call.path === '/api/v1/blueprints')).toBe(true),
    );
    const create = apiCalls(server, 'POST').find((call) => call.path === '/api/v1/blueprints');
    expect(create?.body).toMatchObject({ name: 'Acme review rules', organization: 'acme' });
  });

  it('shows a Viewer what it may read, without "New blueprint", and says so when a list fails', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('viewer'),
        [`GET ${BLUEPRINTS}`]: { status: 200, body: { items: [], nextCursor: null } },
        [`GET ${HIERARCHIES}`]: errorReply(503, 'SERVICE_UNAVAILABLE', 'The database is starting up.'),
        'GET /api/v1/formats': { status: 200, body: { items: [] } },
      },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/blueprints' });

    expect(await screen.findByText('Acme Corp has no blueprints you can see yet.')).toBeInTheDocument();
    expect(within(section()).queryByRole('link', { name: 'New blueprint' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Blueprints' })).toHaveAttribute('aria-current', 'page');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The hierarchies could not be loaded');
    expect(alert).toHaveTextContent('SERVICE_UNAVAILABLE');
  });
});
