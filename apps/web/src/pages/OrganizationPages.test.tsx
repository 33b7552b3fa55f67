import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  sampleUser,
  startApiServer,
  type Route,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

const ORG_ID = '5d1c7e0a-0000-4000-8000-000000000001';
const organization = (role: string, overrides: Record<string, unknown> = {}) => ({
  id: ORG_ID,
  slug: 'acme',
  name: 'Acme Corp',
  description: 'Rules for every repository',
  avatarUrl: null,
  websiteUrl: 'https://acme.example.org',
  role,
  memberCount: 3,
  createdAt: '2026-01-10T09:00:00.000Z',
  ...overrides,
});
const member = (handle: string, role: string, userId: string) => ({
  userId,
  handle,
  displayName: handle.toUpperCase(),
  avatarUrl: null,
  role,
  joinedAt: '2026-01-10T09:00:00.000Z',
});
const OWNER_ID = '11111111-0000-4000-8000-000000000001';
const BOB_ID = '22222222-0000-4000-8000-000000000002';

function orgRoutes(role: string, overrides: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/v1/organizations': { status: 200, body: { items: [organization(role)] } },
    'GET /api/v1/organizations/acme': { status: 200, body: organization(role) },
    'GET /api/v1/organizations/acme/members': {
      status: 200,
      body: {
        items: [member('olga', 'owner', OWNER_ID), member('ada', role, sampleUser.id), member('bob', 'member', BOB_ID)],
      },
    },
    'GET /api/v1/organizations/acme/invitations': { status: 200, body: { items: [] } },
    ...overrides,
  };
}

describe('organization pages', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('creates an organization and opens its page', async () => {
    server = await startApiServer(
      orgRoutes('owner', {
        'POST /api/v1/organizations': { status: 201, body: organization('owner', { memberCount: 1 }) },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/orgs/new' });
    const form = await screen.findByRole('form', { name: 'Create an organization' });
    await user.type(within(form).getByLabelText('Name'), 'Acme Corp');
    await user.type(within(form).getByLabelText('Slug'), 'acme');
    await user.click(within(form).getByRole('button', { name: 'Create organization' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs/acme'));
    const [post] = apiCalls(server, 'POST');
    expect(post?.body).toEqual({ slug: 'acme', name: 'Acme Corp' });
    expect(post?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('shows the server’s code when the name is taken', async () => {
    server = await startApiServer(
      orgRoutes('owner', {
        'POST /api/v1/organizations': errorReply(409, 'HANDLE_TAKEN', 'The name "acme" is taken'),
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/new' });
    const form = await screen.findByRole('form', { name: 'Create an organization' });
    await user.type(within(form).getByLabelText('Name'), 'Acme');
    await user.type(within(form).getByLabelText('Slug'), 'acme');
    await user.click(within(form).getByRole('button', { name: 'Create organization' }));
    expect(await screen.findByText('HANDLE_TAKEN')).toBeInTheDocument();
  });

  it('lets an Admin change roles below Owner, and shows Owners without controls', async () => {
    let role = 'member';
    server = await startApiServer(
      orgRoutes('admin', {
        'GET /api/v1/organizations/acme/members': () => ({
          status: 200,
          body: {
            items: [
              member('olga', 'owner', OWNER_ID),
              member('ada', 'admin', sampleUser.id),
              member('bob', role, BOB_ID),
            ],
          },
        }),
        [`PATCH /api/v1/organizations/acme/members/${BOB_ID}`]: () => {
          role = 'viewer';
          return { status: 200, body: member('bob', 'viewer', BOB_ID) };
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/members' });
    const list = await screen.findByRole('list', { name: 'Members' });
    const select = await within(list).findByLabelText('Role of BOB');
    // An Admin cannot make Owners.
    expect(within(select).queryByRole('option', { name: 'Owner' })).not.toBeInTheDocument();
    expect(within(list).queryByLabelText('Role of OLGA')).not.toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: 'Remove OLGA' })).not.toBeInTheDocument();
    await user.selectOptions(select, 'Viewer');
    await waitFor(() => expect(apiCalls(server as TestServer, 'PATCH')).toHaveLength(1));
    expect(apiCalls(server, 'PATCH')[0]?.body).toEqual({ role: 'viewer' });
    await waitFor(() => expect(within(list).getByLabelText('Role of BOB')).toHaveValue('viewer'));
    // The navigation shows what an Admin may open.
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    for (const name of ['Overview', 'Members', 'Invitations', 'Tokens', 'Audit log', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
  });

  it('gives a Viewer the list only, and a way to leave', async () => {
    server = await startApiServer(
      orgRoutes('viewer', {
        [`DELETE /api/v1/organizations/acme/members/${sampleUser.id}`]: { status: 204 },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/members' });
    const list = await screen.findByRole('list', { name: 'Members' });
    expect(await within(list).findByText('BOB')).toBeInTheDocument();
    expect(within(list).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).queryByRole('link', { name: 'Invitations' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Leave Acme Corp' }));
    await user.click(within(list).getByRole('button', { name: 'Confirm leaving Acme Corp' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('sends and revokes invitations', async () => {
    let invitations: unknown[] = [];
    const invitation = {
      id: '33333333-0000-4000-8000-000000000003',
      email: 'new@example.org',
      role: 'viewer',
      status: 'pending',
      createdAt: '2026-01-10T09:00:00.000Z',
      expiresAt: '2026-01-17T09:00:00.000Z',
    };
    server = await startApiServer(
      orgRoutes('owner', {
        'GET /api/v1/organizations/acme/invitations': () => ({ status: 200, body: { items: invitations } }),
        'POST /api/v1/organizations/acme/invitations': () => {
          invitations = [invitation];
          return { status: 201, body: invitation };
        },
        [`DELETE /api/v1/organizations/acme/invitations/${invitation.id}`]: () => {
          invitations = [];
          return { status: 204 };
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/invitations' });
    const form = await screen.findByRole('form', { name: 'Invite someone' });
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Email address'), 'new@example.org');
    await user.selectOptions(within(form).getByLabelText('Role'), 'Viewer');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Invitation sent to new@example.org');
    expect(apiCalls(server, 'POST')[0]?.body).toEqual({ email: 'new@example.org', role: 'viewer' });
    const list = await screen.findByRole('list', { name: 'Pending invitations' });
    await user.click(within(list).getByRole('button', { name: 'Revoke the invitation for new@example.org' }));
    await user.click(within(list).getByRole('button', { name: 'Confirm revoking the invitation for new@example.org' }));
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
  });

  it('answers 404 for an organization you are not in', async () => {
    server = await startApiServer(
      orgRoutes('owner', {
        'GET /api/v1/organizations/acme': errorReply(404, 'ORGANIZATION_NOT_FOUND', 'No such organization'),
      }),
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/orgs/acme' });
    expect(await screen.findByRole('heading', { name: /not found/i })).toBeInTheDocument();
  });

  it('opens an organization from the header switcher', async () => {
    server = await startApiServer(orgRoutes('member'), { session: activeSession() });
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/' });
    const switcher = await screen.findByLabelText('Organization');
    await screen.findByRole('option', { name: 'Acme Corp (@acme)' });
    await user.selectOptions(switcher, 'Acme Corp (@acme)');
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs/acme'));
    expect(await screen.findByRole('heading', { name: 'Acme Corp' })).toBeInTheDocument();
  });
});

describe('invitation page', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const TOKEN = 'Xc7zJups3JQvVhMlAgiQK06EyAU9TRdnRyH-qw5PVZI';

  it('shows the invitation and joins', async () => {
    server = await startApiServer(
      orgRoutes('member', {
        [`GET /api/v1/invitations/${TOKEN}`]: {
          status: 200,
          body: {
            organization: { slug: 'acme', name: 'Acme Corp', avatarUrl: null },
            role: 'member',
            email: 'a***@example.org',
            forYou: true,
            expiresAt: '2026-01-17T09:00:00.000Z',
          },
        },
        [`POST /api/v1/invitations/${TOKEN}/accept`]: { status: 200, body: { organization: organization('member') } },
      }),
      { session: activeSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: `/invitations/${TOKEN}` });
    expect(await screen.findByText(/You are invited to join/)).toHaveTextContent('Acme Corp');
    await user.click(screen.getByRole('button', { name: 'Join Acme Corp' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs/acme/members'));
  });

  it('says so when the invitation has expired', async () => {
    server = await startApiServer(
      orgRoutes('member', {
        [`GET /api/v1/invitations/${TOKEN}`]: errorReply(410, 'INVITATION_EXPIRED', 'expired'),
      }),
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: `/invitations/${TOKEN}` });
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation has expired');
  });

  it('sends someone signed out to sign in first, with a way back', async () => {
    server = await startApiServer(orgRoutes('member'), { session: { status: 'anonymous' } as never });
    const { router } = renderApp({ apiBaseUrl: server.url, path: `/invitations/${TOKEN}` });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toContain(encodeURIComponent(`/invitations/${TOKEN}`));
  });
});
