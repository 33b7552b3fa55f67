import { screen, waitFor, within } from '@testing-library/react';
import {
  activeSession,
  anonymousSession,
  apiCalls,
  CSRF_TOKEN,
  errorReply,
  startApiServer,
  type SessionState,
  type TestServer,
} from '../test/http-server';
import { renderApp } from '../test/render-app';

describe('the app API client', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends the session’s CSRF token with writes and not with reads', async () => {
    let session: SessionState = activeSession();
    server = await startApiServer(
      {
        'POST /api/v1/auth/sign-out': () => {
          session = anonymousSession();
          return { status: 204 };
        },
      },
      { session: () => session },
    );
    const { user, router } = renderApp({ apiBaseUrl: server.url, path: '/license' });

    await user.click(await screen.findByRole('button', { name: /Ada Lovelace, account menu/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const [signOut] = apiCalls(server, 'POST');
    expect(signOut?.path).toBe('/api/v1/auth/sign-out');
    expect(signOut?.headers['x-csrf-token']).toBe(CSRF_TOKEN);
    const reads = server.calls.filter((call) => call.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((call) => call.headers['x-csrf-token'] === undefined)).toBe(true);
  });

  it('waits for the session before a write issued on page load, so the token is never missing', async () => {
    server = await startApiServer({
      'POST /api/v1/auth/magic-link/verify': { status: 200, body: { status: 'active' } },
      // A slow session answer: the magic-link page posts at once, long before the session query has answered.
      'GET /api/v1/auth/session': async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { status: 200, body: activeSession({ csrfToken: 'csrf-slow' }) };
      },
    });
    renderApp({ apiBaseUrl: server.url, path: '/sign-in/magic?token=tok_123' });

    await waitFor(() => expect(apiCalls(server!, 'POST')).toHaveLength(1));
    expect(apiCalls(server, 'POST')[0]?.headers['x-csrf-token']).toBe('csrf-slow');
  });

  it('sends no CSRF header when nobody is signed in', async () => {
    server = await startApiServer({ 'POST /api/v1/auth/magic-link': { status: 202, body: { status: 'sent' } } });
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/sign-in' });

    await user.type(await screen.findByLabelText('Email address'), 'ada@example.org');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    await screen.findByText('Check your email');

    expect(apiCalls(server, 'POST')[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('re-reads the session when a write is refused as cross-site, so the next write carries the new token', async () => {
    let csrf = 'csrf-old';
    server = await startApiServer(
      {
        'POST /api/v1/auth/sign-out': (request) =>
          request.headers['x-csrf-token'] === csrf
            ? { status: 204 }
            : errorReply(403, 'CSRF_FAILED', 'Cross-site request refused: missing or wrong X-CSRF-Token'),
      },
      { session: () => activeSession({ csrfToken: csrf }) },
    );
    const { user } = renderApp({ apiBaseUrl: server.url, path: '/license' });
    await user.click(await screen.findByRole('button', { name: /account menu/ }));

    // Another tab signed in again meanwhile: the token this page holds is stale.
    csrf = 'csrf-new';
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('CSRF_FAILED')).toBeInTheDocument();

    await waitFor(() =>
      expect(server!.calls.filter((call) => call.path === '/api/v1/auth/session').length).toBeGreaterThan(1),
    );
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() =>
      expect(apiCalls(server!, 'POST').map((call) => call.headers['x-csrf-token'])).toEqual(['csrf-old', 'csrf-new']),
    );
  });
});
