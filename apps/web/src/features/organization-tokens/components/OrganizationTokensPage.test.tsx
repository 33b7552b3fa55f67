import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  startApiServer,
  type TestServer,
} from '../../../test/http-server';
import { organizationLayoutRoutes } from '../../../test/organizations';
import { renderApp } from '../../../test/render-app';

const SECRET = 'lp_OrgS3cr3tT0kenValue0123456789abcdefghijkl';
const TOKENS = '/api/v1/organizations/acme/tokens';

const created = {
  token: SECRET,
  id: '9f1c0c2e-1111-4000-8000-000000000002',
  name: 'CI publishing',
  prefix: 'lp_OrgS3cr',
  scopes: ['blueprints:read', 'blueprints:write'],
  environment: 'development',
  expiresAt: '2026-04-10T09:00:00.000Z',
  createdAt: '2026-01-10T09:00:00.000Z',
};

function summary() {
  const { token: _secret, ...rest } = created;
  return { ...rest, createdBy: 'ada', lastUsedAt: null };
}

describe('Organization tokens page', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('creates a token with blueprint scopes, environment and expiry, and shows it exactly once', async () => {
    let tokens: unknown[] = [];
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('admin'),
        [`GET ${TOKENS}`]: () => ({ status: 200, body: tokens }),
        [`POST ${TOKENS}`]: () => {
          tokens = [summary()];
          return { status: 201, body: created };
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/tokens' });

    const section = await screen.findByRole('region', { name: 'Organization tokens' });
    // Inside the organization's page: its one title, and the Tokens tab marked as the current one.
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Acme Corp']);
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Tokens' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Audit log' })).not.toHaveAttribute('aria-current');
    expect(await within(section).findByText('No organization tokens.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Create a token' }));

    const form = within(section).getByRole('form', { name: 'Create an organization token' });
    // Only the blueprint scopes are offered: an organization has no profile or saved variables.
    expect(
      within(form)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).value),
    ).toEqual(['blueprints:read', 'blueprints:write']);
    await user.type(within(form).getByLabelText('Token name'), 'CI publishing');
    await user.click(within(form).getByRole('checkbox', { name: /Write blueprints/ }));
    await user.click(within(form).getByRole('radio', { name: /Development/ }));
    await user.selectOptions(within(form).getByLabelText('Expires after'), '90 days');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));

    const shown = await within(section).findByRole('region', { name: 'New organization token' });
    expect(within(shown).getByText(SECRET)).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    const [post] = apiCalls(server, 'POST');
    expect(post?.path).toBe(TOKENS);
    expect(post?.body).toEqual({
      name: 'CI publishing',
      scopes: ['blueprints:read', 'blueprints:write'],
      environment: 'development',
      expiresInDays: 90,
    });
    expect(post?.headers['x-csrf-token']).toBe(CSRF_TOKEN);

    // The list shows it by prefix, with who made it.
    expect(await within(section).findByText('lp_OrgS3cr…')).toBeInTheDocument();
    expect(within(section).getByText(/by @ada/)).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('revokes a token after the confirmation', async () => {
    let tokens: unknown[] = [summary()];
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('owner'),
        [`GET ${TOKENS}`]: () => ({ status: 200, body: tokens }),
        [`DELETE ${TOKENS}/:id`]: () => {
          tokens = [];
          return { status: 204 };
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/tokens' });

    const section = await screen.findByRole('region', { name: 'Organization tokens' });
    await user.click(await within(section).findByRole('button', { name: 'Revoke CI publishing' }));
    expect(apiCalls(server, 'DELETE')).toHaveLength(0);
    await user.click(within(section).getByRole('button', { name: 'Confirm revoking CI publishing' }));
    await waitFor(() => expect(apiCalls(server!, 'DELETE')).toHaveLength(1));
    expect(apiCalls(server, 'DELETE')[0]?.path).toBe(`${TOKENS}/${created.id}`);
    expect(await within(section).findByText('No organization tokens.')).toBeInTheDocument();
  });

  it('shows a Member no Tokens or Audit log tab, and the API’s refusal when they open the address', async () => {
    server = await startApiServer(
      {
        ...organizationLayoutRoutes('member'),
        [`GET ${TOKENS}`]: errorReply(
          403,
          'ORGANIZATION_ROLE_REQUIRED',
          'Your role in this organization does not allow organization.tokens',
        ),
      },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/orgs/acme/tokens' });

    const section = await screen.findByRole('region', { name: 'Organization tokens' });
    expect(await within(section).findByText(/ORGANIZATION_ROLE_REQUIRED/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Create a token' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Organization' });
    expect(within(nav).getByRole('link', { name: 'Members' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Tokens' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
  });
});
