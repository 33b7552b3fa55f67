import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  startApiServer,
  type TestServer,
} from '../../../test/http-server';
import { renderApp } from '../../../test/render-app';
import { securityPageRoutes } from '../../../test/security-routes';
import { listedToken, submitTokenForm } from '../../../test/token-form';

const SECRET = 'lp_dev_S3cr3tT0kenValue0123456789abcdef';

const created = {
  token: SECRET,
  id: '9f1c0c2e-1111-4000-8000-000000000001',
  name: 'Laptop CLI',
  prefix: 'lp_dev_S3c',
  scopes: ['blueprints:read', 'profile:read'],
  environment: 'development',
  expiresAt: '2026-04-10T09:00:00.000Z',
  createdAt: '2026-01-10T09:00:00.000Z',
};

describe('API tokens', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('creates a token with the chosen name, scopes, environment and expiry, and shows it exactly once', async () => {
    let tokens: unknown[] = [];
    server = await startApiServer(
      securityPageRoutes({
        'GET /api/v1/account/api-tokens': () => ({ status: 200, body: tokens }),
        'POST /api/v1/account/api-tokens': () => {
          tokens = [listedToken(created, { lastUsedAt: null, lastUsedIp: null })];
          return { status: 201, body: created };
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'API tokens' });
    expect(await within(section).findByText('No API tokens.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Create a token' }));

    const form = within(section).getByRole('form', { name: 'Create an API token' });
    await submitTokenForm(user, form, {
      name: 'Laptop CLI',
      addScopes: [/Read profile/],
      environment: /Development/,
      expiry: '90 days',
    });

    const shown = await within(section).findByRole('region', { name: 'New API token' });
    expect(within(shown).getByText(SECRET)).toBeInTheDocument();
    expect(within(shown).getByText(/only time it is shown/)).toBeInTheDocument();
    const [post] = apiCalls(server, 'POST');
    expect(post?.body).toEqual({
      name: 'Laptop CLI',
      scopes: ['blueprints:read', 'profile:read'],
      environment: 'development',
      expiresInDays: 90,
    });
    expect(post?.headers['x-csrf-token']).toBe(CSRF_TOKEN);

    // The list shows the new token by its prefix only.
    expect(await within(section).findByText('lp_dev_S3c…')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('omits expiresInDays for a token that never expires', async () => {
    server = await startApiServer(
      securityPageRoutes({ 'POST /api/v1/account/api-tokens': { status: 201, body: { ...created, expiresAt: null } } }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'API tokens' });
    await user.click(await within(section).findByRole('button', { name: 'Create a token' }));
    await submitTokenForm(user, within(section).getByRole('form', { name: 'Create an API token' }), {
      name: 'CI',
      expiry: 'Never',
    });

    await waitFor(() => expect(apiCalls(server!, 'POST')).toHaveLength(1));
    expect(apiCalls(server, 'POST')[0]?.body).toEqual({
      name: 'CI',
      scopes: ['blueprints:read'],
      environment: 'production',
    });
  });

  it('asks for a fresh second factor when the API requires one, with a way back', async () => {
    server = await startApiServer(
      securityPageRoutes({
        'POST /api/v1/account/api-tokens': errorReply(
          403,
          'REAUTHENTICATION_REQUIRED',
          'Confirm this action with your second factor',
          {
            requires: 'recent_second_factor',
          },
        ),
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'API tokens' });
    await user.click(await within(section).findByRole('button', { name: 'Create a token' }));
    await submitTokenForm(user, within(section).getByRole('form', { name: 'Create an API token' }), { name: 'CI' });

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('confirm this change with your second factor');
    expect(within(alert).getByText('REAUTHENTICATION_REQUIRED')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Confirm with your second factor' })).toHaveAttribute(
      'href',
      '/sign-in/second-factor?returnTo=%2Fsettings%2Fsecurity',
    );
    expect(screen.queryByRole('region', { name: 'New API token' })).not.toBeInTheDocument();
  });
  it('revokes a token only after the confirmation, and can be cancelled', async () => {
    let tokens: unknown[] = [listedToken(created, { lastUsedAt: null, lastUsedIp: null })];
    server = await startApiServer(
      securityPageRoutes({
        'GET /api/v1/account/api-tokens': () => ({ status: 200, body: tokens }),
        'DELETE /api/v1/account/api-tokens/:id': () => {
          tokens = [];
          return { status: 204 };
        },
      }),
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    const section = await screen.findByRole('region', { name: 'API tokens' });
    await user.click(await within(section).findByRole('button', { name: 'Revoke Laptop CLI' }));
    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(apiCalls(server, 'DELETE')).toHaveLength(0);

    await user.click(within(section).getByRole('button', { name: 'Revoke Laptop CLI' }));
    await user.click(within(section).getByRole('button', { name: 'Confirm revoking Laptop CLI' }));
    await waitFor(() => expect(apiCalls(server!, 'DELETE')).toHaveLength(1));
    expect(apiCalls(server, 'DELETE')[0]?.path).toBe(`/api/v1/account/api-tokens/${created.id}`);
    await waitFor(() => expect(within(section).queryByText('Laptop CLI')).not.toBeInTheDocument());
  });
});
