import { screen, within } from '@testing-library/react';
import { activeSession, apiCalls, CSRF_TOKEN, errorReply, startApiServer, type TestServer } from '../test/http-server';
import { renderApp } from '../test/render-app';

const pending = {
  userCode: 'BCDFGHJK',
  clientName: 'lynxprompt-cli',
  scopes: ['profile:read', 'blueprints:read'],
  expiresAt: new Date(Date.now() + 9 * 60_000).toISOString(),
  status: 'pending',
};

describe('DevicePage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('shows which client asks for which scopes, and approves it', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/auth/device/requests/:userCode': (_request, { userCode }) =>
          userCode === 'BCDF-GHJK' ? { status: 200, body: pending } : errorReply(404, 'DEVICE_CODE_NOT_FOUND', 'No'),
        'POST /api/v1/auth/device/requests/:userCode/approve': {
          status: 200,
          body: { ...pending, status: 'approved' },
        },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/device?code=bcdf-ghjk' });

    expect(await screen.findByLabelText('Code shown on your device')).toHaveValue('BCDF-GHJK');
    const request = await screen.findByRole('region', { name: /lynxprompt-cli wants to use your account/ });
    expect(within(request).getByText('profile:read')).toBeInTheDocument();
    expect(within(request).getByText('blueprints:read')).toBeInTheDocument();
    expect(within(request).getByText(/expires in 9 minutes/)).toBeInTheDocument();

    await user.click(within(request).getByRole('button', { name: 'Approve' }));

    expect(await screen.findByRole('heading', { name: 'Device approved' })).toBeInTheDocument();
    const [approve] = apiCalls(server, 'POST');
    expect(approve?.path).toBe('/api/v1/auth/device/requests/BCDF-GHJK/approve');
    expect(approve?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('denies a request typed in by hand', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/auth/device/requests/:userCode': { status: 200, body: pending },
        'POST /api/v1/auth/device/requests/:userCode/deny': { status: 200, body: { ...pending, status: 'denied' } },
      },
      { session: activeSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/device' });

    await user.type(await screen.findByLabelText('Code shown on your device'), 'bcdf ghjk');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Deny' }));

    expect(await screen.findByRole('heading', { name: 'Request denied' })).toBeInTheDocument();
    expect(apiCalls(server, 'POST').map((call) => call.path)).toEqual(['/api/v1/auth/device/requests/BCDFGHJK/deny']);
  });

  it('shows an unknown code with its error code and offers no decision', async () => {
    server = await startApiServer(
      {
        'GET /api/v1/auth/device/requests/:userCode': errorReply(
          404,
          'DEVICE_CODE_NOT_FOUND',
          'No pending sign-in request has this code',
        ),
      },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/device?code=ZZZZ-ZZZZ' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No pending sign-in request has this code');
    expect(within(alert).getByText('DEVICE_CODE_NOT_FOUND')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('does not offer to approve a request that was already decided', async () => {
    server = await startApiServer(
      { 'GET /api/v1/auth/device/requests/:userCode': { status: 200, body: { ...pending, status: 'approved' } } },
      { session: activeSession() },
    );
    renderApp({ apiBaseUrl: server.url, path: '/device?code=BCDF-GHJK' });

    expect(await screen.findByText(/already approved/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });
});
