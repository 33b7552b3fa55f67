import { screen, waitFor } from '@testing-library/react';
import { anonymousSession, pendingSession, startApiServer, type TestServer } from '../../../test/http-server';
import { renderApp } from '../../../test/render-app';

describe('RequireSession', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends an anonymous visitor to sign in, with the way back', async () => {
    server = await startApiServer({}, { session: anonymousSession() });
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/settings/security' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/settings/security');
  });

  it('sends a session that owes its second factor to the second-factor page', async () => {
    server = await startApiServer({}, { session: pendingSession() });
    const { router } = renderApp({ apiBaseUrl: server.url, path: '/device?code=ABCD-EFGH' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in/second-factor'));
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/device?code=ABCD-EFGH');
  });
});
