import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  pendingSession,
  startApiServer,
  type SessionState,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('SecondFactorPage', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('submits an authenticator code and continues to returnTo once active', async () => {
    let session: SessionState = pendingSession();
    server = await startApiServer(
      {
        'POST /api/v1/auth/second-factor/totp': (request) => {
          if ((request.body as { code?: string }).code !== '123456')
            return errorReply(400, 'TOTP_INVALID', 'Wrong code');
          session = activeSession({ csrfToken: 'csrf-rotated' });
          return { status: 200, body: { status: 'active' } };
        },
      },
      { session: () => session },
    );
    const { user, router } = renderApp({
      apiBaseUrl: server.url,
      path: '/sign-in/second-factor?returnTo=%2Flicense',
    });

    const input = await screen.findByLabelText('Authentication code');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    await user.type(input, '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/license'));
    const [call] = apiCalls(server, 'POST');
    expect(call?.body).toEqual({ code: '123456' });
    expect(call?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
  });

  it('shows a wrong code with its error code and stays on the page', async () => {
    server = await startApiServer(
      { 'POST /api/v1/auth/second-factor/totp': errorReply(400, 'TOTP_INVALID', 'That code is not valid') },
      { session: pendingSession() },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/second-factor' });

    await user.type(await screen.findByLabelText('Authentication code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That code is not valid');
    expect(within(alert).getByText('TOTP_INVALID')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in/second-factor');
  });

  it('shows TWO_STEP_LOCKED with the time trying again is possible', async () => {
    server = await startApiServer(
      {
        'POST /api/v1/auth/second-factor/totp': errorReply(429, 'TWO_STEP_LOCKED', 'Too many attempts', {
          retryAfterSeconds: 900,
        }),
      },
      { session: pendingSession() },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/second-factor' });

    await user.type(await screen.findByLabelText('Authentication code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/locked until .+ \(in 15 minutes\)/);
    expect(within(alert).getByText('TWO_STEP_LOCKED')).toBeInTheDocument();
  });

  it('accepts a recovery code instead', async () => {
    let session: SessionState = pendingSession();
    server = await startApiServer(
      {
        'POST /api/v1/auth/second-factor/recovery-code': () => {
          session = activeSession();
          return { status: 200, body: { status: 'active' } };
        },
      },
      { session: () => session },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/second-factor' });

    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), ' abcd-efgh-ijkl ');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(apiCalls(server, 'POST')[0]).toEqual(
      expect.objectContaining({ path: '/api/v1/auth/second-factor/recovery-code', body: { code: 'abcd-efgh-ijkl' } }),
    );
  });

  it('sends someone who is not signed in to the sign-in page', async () => {
    server = await startApiServer({}, { session: anonymousSession() });
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/sign-in/second-factor?returnTo=%2Fsettings' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?returnTo=%2Fsettings');
  });
});
